import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordsImportOpened, RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { ErrorsTable } from './ErrorsTable';
import { ImportCountTiles } from './ImportCountTiles';
import { changesIn, downloadCsv } from './records-import';
import classes from './records-import.module.css';

interface Props {
  opened: RecordsImportOpened;
  summary: RecordsImportSummary;
  /** Commits; a returned message is the server's refusal, shown in the dialog. */
  onCommit: (validOnly: boolean) => Promise<string | null>;
}

/** What the dry run found, the errors to fix, and Import (all rows, or explicitly the valid ones only). */
export function ValidationSummary({ opened, summary, onCommit }: Props) {
  const { t } = useTranslation();
  const [validOnly, setValidOnly] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const hasErrors = summary.errorCount > 0;
  const changes = changesIn(summary.counts);
  const canCommit = changes > 0 && (!hasErrors || validOnly);
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
    <Panel title={t('recordsImport.summary.title')}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('recordsImport.summary.intro', { rows: n(summary.rows), count: summary.rows })}
        </Text>
        <ImportCountTiles summary={summary} />

        {hasErrors ? (
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
        ) : changes === 0 ? (
          <Alert color="gray" role="status">
            {t('recordsImport.summary.noChanges')}
          </Alert>
        ) : (
          <Alert color="teal" icon={<IconCircleCheck />} role="status">
            {t('recordsImport.summary.allValid')}
          </Alert>
        )}

        <Stack gap="sm">
          {hasErrors && changes > 0 && (
            <Checkbox
              label={t('recordsImport.summary.validOnly')}
              description={t('recordsImport.summary.validOnlyHint', {
                count: summary.rowsWithErrors,
                rows: n(summary.rowsWithErrors),
              })}
              checked={validOnly}
              onChange={(e) => setValidOnly(e.currentTarget.checked)}
            />
          )}
          <Group gap="sm">
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={!canCommit}
              onClick={() => setConfirming(true)}
            >
              {hasErrors
                ? t('recordsImport.summary.commitValid', { count: changes, formatted: n(changes) })
                : t('recordsImport.summary.commit', { count: changes, formatted: n(changes) })}
            </Button>
            {hasErrors && !validOnly && (
              <Text size="sm" c="dimmed">
                {t('recordsImport.summary.commitBlocked')}
              </Text>
            )}
          </Group>
        </Stack>
      </Stack>

      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('recordsImport.confirm.title')}
        confirmLabel={
          hasErrors
            ? t('recordsImport.summary.commitValid', { count: changes, formatted: n(changes) })
            : t('recordsImport.summary.commit', { count: changes, formatted: n(changes) })
        }
        onConfirm={() => onCommit(hasErrors && validOnly)}
      >
        <Stack gap="xs">
          <Text size="sm">{t('recordsImport.confirm.intro', { fileName: opened.fileName })}</Text>
          <List size="sm" spacing={2}>
            {summary.counts.created > 0 && (
              <List.Item>
                {t('recordsImport.confirm.created', {
                  count: summary.counts.created,
                  formatted: n(summary.counts.created),
                })}
              </List.Item>
            )}
            {summary.counts.updated > 0 && (
              <List.Item>
                {t('recordsImport.confirm.updated', {
                  count: summary.counts.updated,
                  formatted: n(summary.counts.updated),
                })}
              </List.Item>
            )}
            {summary.counts.deleted > 0 && (
              <List.Item>
                {t('recordsImport.confirm.deleted', {
                  count: summary.counts.deleted,
                  formatted: n(summary.counts.deleted),
                })}
              </List.Item>
            )}
            {summary.counts.unchanged > 0 && (
              <List.Item>
                {t('recordsImport.confirm.unchanged', {
                  count: summary.counts.unchanged,
                  formatted: n(summary.counts.unchanged),
                })}
              </List.Item>
            )}
            {hasErrors && (
              <List.Item>
                {t('recordsImport.confirm.skipped', {
                  count: summary.rowsWithErrors,
                  formatted: n(summary.rowsWithErrors),
                })}
              </List.Item>
            )}
          </List>
          <Text size="sm">{t('recordsImport.confirm.undoable')}</Text>
        </Stack>
      </ConfirmDialog>
    </Panel>
  );
}
