import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordsImportOpened, RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import { ErrorsTable } from './ErrorsTable';
import { downloadCsv } from './records-import';
import classes from './records-import.module.css';

/** The dry run's errors: how many, the error file to fix them in, and every one of them (up to 10,000). */
export function ImportProblems({
  opened,
  summary,
}: {
  opened: RecordsImportOpened;
  summary: RecordsImportSummary;
}) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v);

  async function downloadErrors() {
    setDownloading(true);
    setDownloadError(null);
    const res = await client.invoke('records.import.errorFile', { token: opened.token });
    setDownloading(false);
    if (res.ok) downloadCsv(res.value);
    else setDownloadError(res.error.message);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={3} fz="md" className={classes.problem}>
            {t('recordsImport.summary.errorsTitle', {
              count: summary.errorCount,
              errors: n(summary.errorCount),
              rows: n(summary.rowsWithErrors),
            })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recordsImport.summary.errorsIntro')}
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={downloading}
          onClick={() => void downloadErrors()}
        >
          {t('recordsImport.summary.downloadErrors')}
        </Button>
      </Group>
      <ErrorAlert message={downloadError} title={t('recordsImport.summary.downloadFailed')} />
      {summary.errorCount > summary.errors.length && (
        <Alert color="orange" py="xs">
          {t('recordsImport.summary.errorsCapped', {
            shown: n(summary.errors.length),
            total: n(summary.errorCount),
          })}
        </Alert>
      )}
      <Paper withBorder radius="md">
        <ErrorsTable errors={summary.errors} />
      </Paper>
    </Stack>
  );
}
