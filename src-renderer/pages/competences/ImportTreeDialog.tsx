import { useState } from 'react';
import { Button, FileInput, List, Stack, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportDialog, type ImportDialogProps, type ImportFormProps } from '../../components/ImportDialog';
import { fileToBase64 } from '../../lib/download';
import { notifyDone } from '../../lib/notify';

type Result = CallOutput<'competences.importTree'>;

/** Pick a CSV, see the dry run (every problem by row), then import it in one go. */
export function ImportTreeDialog(props: ImportDialogProps) {
  const { t } = useTranslation();
  return (
    <ImportDialog {...props} title={t('competences.importDialog.title')} size="lg" form={ImportTreeForm} />
  );
}

function ImportTreeForm({ onClose, onImported }: ImportFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    let base64: string;
    try {
      base64 = await fileToBase64(file);
    } catch {
      setBusy(false);
      setError(t('competences.importDialog.readFailed'));
      return;
    }
    const res = await client.invoke('competences.importTree', { fileName: file.name, base64, dryRun });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setResult(res.value);
    if (!dryRun && res.value.written) {
      notifyDone(t('competences.importDialog.done', res.value));
      onImported();
      onClose();
    }
  }

  const checked = result !== null && result.errors.length === 0;
  return (
    <Stack gap="md">
      <Text size="sm">{t('competences.importDialog.intro')}</Text>
      <FileInput
        label={t('competences.importDialog.file')}
        placeholder={t('competences.importDialog.filePlaceholder')}
        accept=".csv,text/csv,text/plain"
        leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        value={file}
        onChange={(f) => {
          setFile(f);
          setResult(null);
        }}
        clearable
      />
      <ErrorAlert message={error} title={t('common.errorTitle')} />
      <div aria-live="polite">
        {result && result.errors.length === 0 && (
          <Text size="sm" fw={500}>
            {t('competences.importDialog.result', result)}
          </Text>
        )}
        {result && result.errors.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} c="red.8">
              {t('competences.importDialog.problems', { count: result.errors.length })}
            </Text>
            <List size="sm" spacing={2} mah={240} style={{ overflow: 'auto' }}>
              {result.errors.map((e) => (
                <List.Item key={`${e.row}-${e.column}-${e.message}`}>
                  {t('competences.importDialog.problem', e)}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </div>
      <DialogActions onCancel={onClose}>
        {checked ? (
          <Button onClick={() => void run(false)} loading={busy}>
            {t('competences.importDialog.run')}
          </Button>
        ) : (
          <Button onClick={() => void run(true)} loading={busy} disabled={!file}>
            {t('competences.importDialog.check')}
          </Button>
        )}
      </DialogActions>
    </Stack>
  );
}
