import { useState } from 'react';
import { Button, EmptyState, Group, MultiSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconTable } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '../../../shared/api/schemas/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { SearchInput } from '../../components/SearchInput';
import { SkeletonRows } from '../../components/SkeletonRows';
import { downloadText } from '../../lib/download';
import { notifyDone } from '../../lib/notify';
import { todayIso } from '../records/record-format';
import tableClasses from '../tables.module.css';
import { CellDrawer, type OpenCell } from './CellDrawer';
import { GroupSelect, ScopeUnitSelect } from './filter-options';
import { MatrixGrid } from './MatrixGrid';
import { matrixCsv } from './matrix-csv';
import { STATUSES } from './status';
import { fetchAllMatrix, useMatrixPages } from './use-matrix-pages';

/** People × required modules as of a date, with filters, a cell's history, and the view as CSV. */
export function MatrixPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [cell, setCell] = useState<OpenCell | null>(null);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  // A half-typed date (the browser's date input gives '' then) keeps the last whole one.
  const query = {
    ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
    ...(unitId ? { unitId } : {}),
    ...(groupId ? { groupId } : {}),
    ...(statuses.length ? { statuses: statuses as ComplianceStatus[] } : {}),
    ...(debounced ? { search: debounced } : {}),
  };
  const { meta, error, loading, rowAt, ensureRows, reload } = useMatrixPages(query);

  async function exportCsv() {
    setExportError(null);
    setExporting({ done: 0, total: meta?.total ?? 0 });
    const res = await fetchAllMatrix(query, (done, total) => setExporting({ done, total }));
    setExporting(null);
    if (!res.ok) {
      setExportError(res.message);
      return;
    }
    const csv = matrixCsv(res.value, (s) => s);
    downloadText(`compliance-${res.value.asOf}.csv`, csv);
    notifyDone(t('compliance.exported', { count: res.value.rows.length }));
  }

  return (
    <Page
      title={t('compliance.title')}
      description={t('compliance.description')}
      actions={
        <Group gap="sm">
          <Button
            component={Link}
            to="/compliance/attention"
            variant="default"
            leftSection={<IconAlertTriangle size={16} aria-hidden />}
          >
            {t('compliance.attentionLink')}
          </Button>
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void exportCsv()}
            loading={exporting !== null}
            disabled={!meta || meta.total === 0}
          >
            {t('compliance.exportCsv')}
          </Button>
        </Group>
      }
    >
      <ErrorAlert message={exportError} title={t('compliance.exportFailed')} />
      {exporting && (
        <Text size="sm" role="status">
          {t('compliance.exporting', exporting)}
        </Text>
      )}
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={tableClasses.toolbar}>
          <TextInput
            type="date"
            label={t('compliance.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            w={150}
          />
          <ScopeUnitSelect
            label={t('compliance.unit')}
            placeholder={t('compliance.unitAll')}
            value={unitId}
            onChange={setUnitId}
            clearable
            w={180}
          />
          <GroupSelect
            label={t('compliance.group')}
            placeholder={t('compliance.groupAll')}
            value={groupId}
            onChange={setGroupId}
            clearable
            w={160}
          />
          <MultiSelect
            label={t('compliance.statuses')}
            placeholder={statuses.length ? undefined : t('compliance.statusesPlaceholder')}
            data={STATUSES.filter((s) => s !== 'not_required').map((s) => ({
              value: s,
              label: t(`compliance.status.${s}`),
            }))}
            value={statuses}
            onChange={setStatuses}
            clearable
            w={200}
          />
          <SearchInput
            label={t('compliance.search')}
            placeholder={t('compliance.searchPlaceholder')}
            clearLabel={t('compliance.clearSearch')}
            value={search}
            onChange={setSearch}
            busy={loading && !!meta}
            w={200}
          />
        </Group>
        <Text id="matrix-help" size="xs" c="dimmed" px="md" py={6}>
          {t('compliance.matrix.help')}
        </Text>
        {error ? (
          <LoadError title={t('compliance.matrix.loadFailed')} message={error.message} onRetry={reload} />
        ) : loading || !meta ? (
          <Table aria-hidden>
            <Table.Tbody>
              <SkeletonRows columns={6} />
            </Table.Tbody>
          </Table>
        ) : meta.total === 0 || meta.modules.length === 0 ? (
          <EmptyState
            icon={<IconTable size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('compliance.matrix.empty')}
            description={t('compliance.matrix.emptyHint')}
            py={48}
            role="status"
          />
        ) : (
          <MatrixGrid
            meta={meta}
            rowAt={rowAt}
            ensureRows={ensureRows}
            onOpen={({ row, moduleIndex }) => {
              const m = meta.modules[moduleIndex];
              if (m)
                setCell({
                  personId: row.personId,
                  personName: row.name,
                  moduleId: m.id,
                  moduleTitle: m.title,
                });
            }}
          />
        )}
      </Paper>
      <CellDrawer cell={cell} asOf={meta?.asOf ?? asOf} onClose={() => setCell(null)} />
    </Page>
  );
}
