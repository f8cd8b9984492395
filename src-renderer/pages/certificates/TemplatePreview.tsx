import { useEffect, useState } from 'react';
import { Alert, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { TemplateInput } from '../../../shared/api/schemas/certificates';
import { client } from '../../api/client';
import { LoadError } from '../../components/LoadError';
import { PdfViewer } from '../../components/PdfViewer';
import { base64ToBytes } from './certificate-format';

type Draft = CallInput<'certificates.preview'>['template'];

/**
 * The PDF the template makes, redrawn ~600 ms after the last change. It comes from the same renderer as
 * downloads and exports; the last good preview stays shown while the next one is made.
 */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(draft, 600);
  const key = JSON.stringify(debounced);
  const valid = TemplateInput.safeParse(debounced).success;
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const [result, setResult] = useState<{ key: string; error: string | null }>({ key: '', error: null });
  const request = `${key}#${attempt}`;

  useEffect(() => {
    if (!valid) return;
    let gone = false;
    void client.invoke('certificates.preview', { template: JSON.parse(key) as Draft }).then((res) => {
      if (gone) return;
      if (res.ok) {
        setShown({ bytes: base64ToBytes(res.value.content), name: res.value.fileName });
        setResult({ key: request, error: null });
      } else setResult({ key: request, error: res.error.message });
    });
    return () => {
      gone = true;
    };
  }, [key, valid, request]);

  const loading = valid && result.key !== request;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t('certificates.templates.previewHint')}
        </Text>
        {(loading || JSON.stringify(draft) !== key) && (
          <Loader size="xs" aria-label={t('certificates.templates.previewLoading')} />
        )}
      </Group>
      {!valid && (
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('certificates.templates.previewInvalid')}
        </Alert>
      )}
      {result.key === request && result.error && (
        <LoadError
          title={t('certificates.templates.previewFailed')}
          message={result.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {shown ? (
        <PdfViewer data={shown.bytes} name={shown.name} download={null} />
      ) : (
        !result.error && <Skeleton height={360} aria-label={t('certificates.templates.previewLoading')} />
      )}
    </Stack>
  );
}
