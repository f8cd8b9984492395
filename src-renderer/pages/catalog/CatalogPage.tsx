import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLibrary, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import classes from '../tables.module.css';
import { CatalogTable, type Sort } from './CatalogTable';
import { SearchInput } from '../../components/SearchInput';

const PAGE_SIZE = 50;

export function CatalogPage() {
  const { t } = useTranslation();
  const canManage = hasPrivilege(useUser(), 'catalog.manage');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [kind, setKind] = useState<ModuleKind | null>(null);
  const [status, setStatus] = useState<ModuleStatus | null>(null);
  const [sort, setSort] = useState<Sort>({ column: 'title', desc: false });
  const [page, setPage] = useState(1);
  const input: CallInput<'modules.list'> = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    sort: sort.column,
    desc: sort.desc,
  };
  if (debounced) input.search = debounced;
  if (kind) input.kind = kind;
  if (status) input.status = status;
  const { data, error, loading, reload } = useCall('modules.list', input);
  const rows = data?.rows ?? [];
  const filtered = Boolean(debounced || kind || status);

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const clearFilters = () => {
    setSearch('');
    setKind(null);
    setStatus(null);
    setPage(1);
  };
  const newButton = (
    <Button component={Link} to="/catalog/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('catalogScreens.new')}
    </Button>
  );

  return (
    <Page
      title={t('catalogScreens.title')}
      description={t('catalogScreens.description')}
      actions={canManage && newButton}
    >
      <Paper withBorder radius="md">
        <Group p="md" className={classes.toolbar} align="flex-end" gap="md">
          <SearchInput
            label={t('catalogScreens.search')}
            placeholder={t('catalogScreens.searchPlaceholder')}
            clearLabel={t('catalogScreens.clearSearch')}
            value={search}
            onChange={changed(setSearch)}
            busy={loading && !!data}
            w={{ base: '100%', xs: 300 }}
          />
          <Select
            label={t('catalogScreens.kindFilter')}
            placeholder={t('catalogScreens.anyKind')}
            data={ModuleKind.options.map((k) => ({ value: k, label: t(`catalogScreens.kind.${k}`) }))}
            value={kind}
            onChange={(v) => changed(setKind)(v as ModuleKind | null)}
            clearable
            clearButtonProps={{ 'aria-label': t('catalogScreens.clearFilters') }}
            w={180}
          />
          <Select
            label={t('catalogScreens.statusFilter')}
            placeholder={t('catalogScreens.anyStatus')}
            data={ModuleStatus.options.map((s) => ({ value: s, label: t(`catalogScreens.status.${s}`) }))}
            value={status}
            onChange={(v) => changed(setStatus)(v as ModuleStatus | null)}
            clearable
            clearButtonProps={{ 'aria-label': t('catalogScreens.clearFilters') }}
            w={160}
          />
        </Group>
        {error ? (
          <LoadError title={t('catalogScreens.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconLibrary size={28} stroke={1.5} />}
            withIndicatorBackground
            title={filtered ? t('catalogScreens.emptyFiltered') : t('catalogScreens.empty')}
            description={
              filtered
                ? t('catalogScreens.emptyFilteredHint')
                : canManage
                  ? t('catalogScreens.emptyHint')
                  : t('catalogScreens.emptyReadOnly')
            }
            py={48}
            role="status"
          >
            <EmptyState.Actions>
              {filtered ? (
                <Button variant="default" onClick={clearFilters}>
                  {t('catalogScreens.clearFilters')}
                </Button>
              ) : (
                canManage && newButton
              )}
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <CatalogTable
            rows={rows}
            loading={loading}
            firstLoad={loading && !data}
            sort={sort}
            onSort={changed(setSort)}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
    </Page>
  );
}
