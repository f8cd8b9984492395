import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordsImportOpened, RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { ImportChanges } from './ImportChanges';
import { ImportCountTiles } from './ImportCountTiles';
import { downloadCsv } from './records-import';

/** The import went in: what it did (record by record), the error file of the rows left out, and where to undo it. */
export function CommittedPanel({
  opened,
  summary,
  onAnother,
}: {
  opened: RecordsImportOpened;
  summary: RecordsImportSummary;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v);

  async function downloadErrors() {
    if (!summary.importId) return;
    setError(null);
    const res = await client.invoke('records.imports.errorFile', { id: summary.importId });
    if (res.ok) downloadCsv(res.value);
    else setError(res.error.message);
  }

  return (
    <Panel title={t('recordsImport.committed.title')}>
      <Stack gap="md">
        <Alert
          color="teal"
          icon={<IconCircleCheck />}
          role="status"
          title={t('recordsImport.committed.alertTitle')}
        >
          {t('recordsImport.committed.body', {
            fileName: opened.fileName,
            created: n(summary.counts.created),
            updated: n(summary.counts.updated),
            deleted: n(summary.counts.deleted),
            unchanged: n(summary.counts.unchanged),
          })}{' '}
          {summary.validOnly && summary.skipped > 0
            ? t('recordsImport.committed.skipped', { count: summary.skipped, formatted: n(summary.skipped) })
            : null}
        </Alert>
        <ImportCountTiles summary={summary} />
        <ImportChanges
          summary={summary}
          title={t('recordsImport.committed.changesTitle', { formatted: n(summary.changeCount) })}
        />
        <ErrorAlert message={error} title={t('recordsImport.summary.downloadFailed')} />
        <Group gap="sm">
          <Button component={Link} to="?tab=history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('recordsImport.committed.toHistory')}
          </Button>
          {summary.validOnly && summary.skipped > 0 && summary.importId && (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void downloadErrors()}
            >
              {t('recordsImport.summary.downloadErrors')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} aria-hidden />}
            onClick={onAnother}
          >
            {t('recordsImport.committed.another')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  );
}
