import { useState } from 'react';
import { EmptyState, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordImportRow } from '../../../shared/api/schemas/records-import';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { RowMenu } from '../../components/RowMenu';
import { TagBadge } from '../../components/TagBadge';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import tables from '../tables.module.css';
import { downloadCsv } from './records-import';

const PAGE_SIZE = 25;

/** "20 Nov 2025, 10:15" in the user's locale: seconds say nothing in a history. */
const formatShort = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat([...navigator.languages], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
};
const COLUMNS = ['at', 'file', 'created', 'updated', 'deleted', 'unchanged', 'leftOut', 'status'] as const;

/** Every import, newest first: what it did, its error file, and Undo. */
export function HistoryTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [undoing, setUndoing] = useState<RecordImportRow | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { data, error, loading, reload } = useCall('records.imports.list', {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const rows = data?.rows ?? [];
  const firstLoad = loading && !data;
  const n = (v: number) => formatNumber(v);

  async function downloadErrors(row: RecordImportRow) {
    setDownloadError(null);
    const res = await client.invoke('records.imports.errorFile', { id: row.id });
    if (res.ok) downloadCsv(res.value);
    else setDownloadError(res.error.message);
  }

  async function undo(row: RecordImportRow): Promise<string | null> {
    const res = await client.invoke('records.imports.undo', { id: row.id });
    if (!res.ok) return res.error.message;
    notifyDone(
      t('recordsImport.history.undone', {
        fileName: row.fileName,
        removed: n(res.value.removed),
        restored: n(res.value.restored),
        broughtBack: n(res.value.broughtBack),
      }),
    );
    reload();
    return null;
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('recordsImport.history.intro')}
      </Text>
      <ErrorAlert message={downloadError} title={t('recordsImport.summary.downloadFailed')} />
      <Paper withBorder radius="md">
        {error ? (
          <LoadError title={t('recordsImport.history.loadFailed')} message={error.message} onRetry={reload} />
        ) : !firstLoad && rows.length === 0 ? (
          <EmptyState
            icon={<IconHistory size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('recordsImport.history.empty')}
            description={t('recordsImport.history.emptyHint')}
            py={48}
            role="status"
          />
        ) : (
          <PagedTable
            headers={[
              ...COLUMNS.map((c) => t(`recordsImport.history.columns.${c}`)),
              t('recordsImport.history.columns.actions'),
            ]}
            caption={t('recordsImport.history.caption')}
            minWidth={1040}
            horizontalSpacing="xs"
            rows={rows}
            loading={loading}
            firstLoad={firstLoad}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
            renderRow={(r) => (
              <Table.Tr key={r.id}>
                <Table.Td className={tables.nowrap}>
                  <Text size="sm">{formatShort(r.at)}</Text>
                  <Text size="xs" c="dimmed">
                    {r.actorName}
                  </Text>
                </Table.Td>
                <Table.Td miw={180}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {r.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('recordsImport.history.rows', { count: r.rows, formatted: n(r.rows) })}
                  </Text>
                </Table.Td>
                <Table.Td className={tables.numeric}>{n(r.counts.created)}</Table.Td>
                <Table.Td className={tables.numeric}>{n(r.counts.updated)}</Table.Td>
                <Table.Td className={tables.numeric}>{n(r.counts.deleted)}</Table.Td>
                <Table.Td className={tables.numeric}>{n(r.counts.unchanged)}</Table.Td>
                <Table.Td className={tables.numeric}>
                  {r.skipped > 0 || r.errorCount > 0
                    ? t('recordsImport.history.leftOut', {
                        skipped: n(r.skipped),
                        errors: n(r.errorCount),
                        count: r.errorCount,
                      })
                    : '0'}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {r.undoneAt ? (
                      <>
                        <TagBadge color="gray">{t('recordsImport.history.undoneBadge')}</TagBadge>
                        <Text size="xs" c="dimmed">
                          {formatShort(r.undoneAt)}
                          <br />
                          {t('recordsImport.history.undoneBy', {
                            name: r.undoneByName ?? t('common.unknownPerson'),
                          })}
                        </Text>
                      </>
                    ) : (
                      <TagBadge color="teal">{t('recordsImport.history.importedBadge')}</TagBadge>
                    )}
                    {r.validOnly && (
                      <TagBadge color="orange">{t('recordsImport.history.validOnlyBadge')}</TagBadge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {r.hasErrorFile || !r.undoneAt ? (
                    <Group gap={4} wrap="nowrap">
                      <RowMenu
                        label={t('recordsImport.history.actionsFor', {
                          fileName: r.fileName,
                          at: formatShort(r.at),
                        })}
                        items={[
                          r.hasErrorFile && {
                            label: t('recordsImport.summary.downloadErrors'),
                            icon: IconDownload,
                            onClick: () => void downloadErrors(r),
                          },
                          !r.undoneAt && {
                            label: t('recordsImport.history.undo'),
                            icon: IconArrowBackUp,
                            onClick: () => setUndoing(r),
                          },
                        ]}
                      />
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Paper>

      <ConfirmDialog
        opened={undoing !== null}
        onClose={() => setUndoing(null)}
        title={t('recordsImport.history.undoTitle')}
        confirmLabel={t('recordsImport.history.undo')}
        danger
        onConfirm={() => (undoing ? undo(undoing) : Promise.resolve(null))}
      >
        {undoing && (
          <Stack gap="xs">
            <Text size="sm">
              {t('recordsImport.history.undoIntro', {
                fileName: undoing.fileName,
                at: formatShort(undoing.at),
              })}
            </Text>
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              <li>
                <Text size="sm">
                  {t('recordsImport.history.undoCreated', {
                    count: undoing.counts.created,
                    formatted: n(undoing.counts.created),
                  })}
                </Text>
              </li>
              <li>
                <Text size="sm">
                  {t('recordsImport.history.undoUpdated', {
                    count: undoing.counts.updated,
                    formatted: n(undoing.counts.updated),
                  })}
                </Text>
              </li>
              <li>
                <Text size="sm">
                  {t('recordsImport.history.undoDeleted', {
                    count: undoing.counts.deleted,
                    formatted: n(undoing.counts.deleted),
                  })}
                </Text>
              </li>
            </ul>
            <Text size="sm">{t('recordsImport.history.undoRefuse')}</Text>
          </Stack>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
