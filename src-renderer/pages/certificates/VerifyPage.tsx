import { useState } from 'react';
import { Button, FileInput, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconFileTypePdf, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/api/schemas/certificates';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { fileToBase64 } from '../../lib/download';
import { KeysPanel } from './KeysPanel';
import classes from './certificates.module.css';
import { VerdictCard } from './VerdictCard';

/** Check a certificate from its short code, QR text or PDF; all of it runs locally, with no network. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);

  async function check(input: { code: string; pdf?: string }) {
    setBusy(true);
    setError(null);
    setResult(null);
    const res = await client.invoke('certificates.verify', input);
    setBusy(false);
    if (res.ok) setResult(res.value);
    else setError(res.error.message);
  }

  async function checkCode() {
    if (!code.trim()) return setMissing(true);
    await check({ code: code.trim() });
  }

  async function openPdf(f: File | null) {
    setFile(f);
    if (!f) return;
    setCode('');
    setMissing(false);
    await check({ code: '', pdf: await fileToBase64(f) });
  }

  return (
    <Page title={t('verify.title')} description={t('verify.description')} maw={860}>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void checkCode();
            }}
            noValidate
          >
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={t('verify.code')}
                description={t('verify.codeHint')}
                value={code}
                onChange={(e) => {
                  setCode(e.currentTarget.value);
                  setMissing(false);
                }}
                error={missing ? t('verify.codeMissing') : undefined}
                autoComplete="off"
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                loading={busy && !file}
                leftSection={<IconShieldCheck size={16} aria-hidden />}
              >
                {t('verify.check')}
              </Button>
            </Group>
          </form>
          <Text size="sm" c="dimmed" ta="center">
            {t('verify.orPdf')}
          </Text>
          <FileInput
            label={t('verify.openPdf')}
            placeholder={t('verify.pdfPlaceholder')}
            accept="application/pdf,.pdf"
            value={file}
            onChange={(f) => void openPdf(f)}
            classNames={{ placeholder: classes.filePlaceholder }}
            clearable
            clearButtonProps={{ 'aria-label': t('verify.pdfClear') }}
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          />
        </Stack>
      </Paper>
      {busy && (
        <Text size="sm" role="status">
          {t('verify.checking')}
        </Text>
      )}
      <ErrorAlert message={error} title={t('verify.failed')} />
      {result && <VerdictCard result={result} />}
      <KeysPanel />
    </Page>
  );
}
