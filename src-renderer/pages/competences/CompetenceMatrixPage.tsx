import { useMemo, useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, Skeleton, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { SearchInput } from '../../components/SearchInput';
import { TableFooter } from '../../components/TableFooter';
import { downloadText } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { ScopeUnitSelect } from '../compliance/filter-options';
import { todayIso } from '../records/record-format';
import tableClasses from '../tables.module.css';
import classes from './competences.module.css';
import { CompetenceMatrixTable } from './CompetenceMatrixTable';
import { COMPETENCE_STATUSES, CompetenceBadge, type CompetenceStatus } from './status';
import { indexCompetences, parentOptions } from './tree-data';

const PAGE_SIZE = 50;

/** People × competences in scope as of a date, with filters, status counts, a legend and the CSV report. */
export function CompetenceMatrixPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [status, setStatus] = useState<CompetenceStatus | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const tree = useCall('competences.tree', { includeArchived: false });
  const categories = useMemo(
    () => parentOptions(indexCompetences(tree.data?.nodes ?? []), undefined),
    [tree.data],
  );

  // A half-typed date (the browser's date input gives '' then) keeps the last whole one.
  const filters = {
    ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
    ...(unitId ? { unitId } : {}),
    ...(categoryId ? { categoryId } : {}),
  };
  const query = {
    ...filters,
    ...(status ? { status } : {}),
    ...(debounced ? { q: debounced } : {}),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const { data, error, loading, reload } = useCall('competences.matrix', query);
  // Any filter change starts again at the first page.
  const filterKey = JSON.stringify({ ...filters, status, debounced });
  const [lastKey, setLastKey] = useState(filterKey);
  if (lastKey !== filterKey) {
    setLastKey(filterKey);
    setPage(1);
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    const res = await client.invoke('competences.report', { ...filters, format: 'csv' });
    setExporting(false);
    if (!res.ok || res.value.csv === null) {
      setExportError(res.ok ? t('competences.matrix.exportFailed') : res.error.message);
      return;
    }
    downloadText(res.value.fileName, res.value.csv);
    notifyDone(t('competences.matrix.exported', { file: res.value.fileName }));
  }

  return (
    <Page
      title={t('competences.matrix.title')}
      description={t('competences.matrix.description')}
      actions={
        <Button
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => void exportCsv()}
          loading={exporting}
          disabled={!data || data.total === 0}
        >
          {t('competences.matrix.export')}
        </Button>
      }
    >
      <ErrorAlert message={exportError} title={t('competences.matrix.exportFailed')} />
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={tableClasses.toolbar}>
          <TextInput
            type="date"
            label={t('competences.matrix.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            w={150}
          />
          <ScopeUnitSelect
            label={t('competences.matrix.unit')}
            placeholder={t('competences.matrix.unitAll')}
            value={unitId}
            onChange={setUnitId}
            clearable
            w={180}
          />
          <Select
            label={t('competences.matrix.category')}
            placeholder={t('competences.matrix.categoryAll')}
            data={categories}
            value={categoryId}
            onChange={setCategoryId}
            searchable
            clearable
            maxDropdownHeight={320}
            w={200}
          />
          <Select
            label={t('competences.matrix.status')}
            placeholder={t('competences.matrix.statusAll')}
            data={COMPETENCE_STATUSES.map((s) => ({ value: s, label: t(`competences.status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as CompetenceStatus | null)}
            clearable
            w={150}
          />
          <SearchInput
            label={t('competences.matrix.search')}
            placeholder={t('competences.matrix.searchPlaceholder')}
            clearLabel={t('competences.matrix.clearSearch')}
            value={search}
            onChange={setSearch}
            busy={loading && !!data}
            w={200}
          />
        </Group>
        {data && (
          <Group
            gap="lg"
            px="md"
            py="xs"
            className={classes.legend}
            role="group"
            aria-label={t('competences.matrix.legend')}
          >
            {COMPETENCE_STATUSES.map((s) => (
              <Group key={s} gap={6} wrap="nowrap">
                <CompetenceBadge status={s} />
                <Text size="xs">
                  {formatNumber(data.counts[s] ?? 0)} · {t(`competences.matrix.legendText.${s}`)}
                </Text>
              </Group>
            ))}
          </Group>
        )}
        {error ? (
          <LoadError title={t('competences.matrix.loadFailed')} message={error.message} onRetry={reload} />
        ) : !data ? (
          <Skeleton height={240} m="md" />
        ) : data.total === 0 || data.columns.length === 0 ? (
          <EmptyState
            icon={<IconTable size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('competences.matrix.empty')}
            description={t('competences.matrix.emptyHint')}
            py={48}
            role="status"
          />
        ) : (
          <>
            <CompetenceMatrixTable matrix={data} stale={loading} />
            <TableFooter page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
          </>
        )}
      </Paper>
    </Page>
  );
}
