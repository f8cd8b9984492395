import { useState } from 'react';
import { Anchor, Button, Checkbox, EmptyState, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { ConfigurationRow, TargetType } from '../../../shared/api/schemas/configurations';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { SearchInput } from '../../components/SearchInput';
import { TagBadge } from '../../components/TagBadge';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import classes from '../tables.module.css';

const PAGE_SIZE = 50;
const COLUMNS = ['name', 'target', 'required', 'optional', 'hidden', 'people', 'owner'] as const;
const TARGET_TYPES: readonly TargetType[] = ['unit', 'group', 'person'];

function ConfigurationTableRow({ row }: { row: ConfigurationRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/configurations/${encodeURIComponent(row.id)}`} fw={600}>
            {row.name}
          </Anchor>
          {row.archived && <TagBadge color="gray">{t('configurations.archived')}</TagBadge>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.targetName}</Text>
        <Text size="xs" c="dimmed">
          {t(`configurations.targetType.${row.targetType}`)}
        </Text>
      </Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(row.requiredCount)}</Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(row.optionalCount)}</Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(row.hiddenCount)}</Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(row.peopleCount)}</Table.Td>
      <Table.Td className={classes.nowrap}>{row.ownerUnitName}</Table.Td>
    </Table.Tr>
  );
}

/** Training configurations within scope: who they cover and how many modules of each kind. */
export function ConfigurationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'assignments.manage');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [targetType, setTargetType] = useState<TargetType | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(1);
  const input: CallInput<'configurations.list'> = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    includeArchived,
  };
  if (debounced) input.search = debounced;
  if (targetType) input.targetType = targetType;
  const { data, error, loading, reload } = useCall('configurations.list', input);
  const rows = data?.rows ?? [];
  const filtered = !!debounced || !!targetType;
  const newButton = canManage && (
    <Button component={Link} to="/configurations/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('configurations.new')}
    </Button>
  );

  return (
    <Page title={t('configurations.title')} description={t('configurations.description')} actions={newButton}>
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={classes.toolbar}>
          <SearchInput
            label={t('configurations.search')}
            placeholder={t('configurations.searchPlaceholder')}
            clearLabel={t('configurations.clearSearch')}
            value={search}
            onChange={(v) => {
              setSearch(v);
              setPage(1);
            }}
            busy={loading && !!data}
            w={{ base: '100%', xs: 300 }}
          />
          <Select
            label={t('configurations.targetFilter')}
            placeholder={t('configurations.targetAll')}
            data={TARGET_TYPES.map((v) => ({ value: v, label: t(`configurations.targetType.${v}`) }))}
            value={targetType}
            onChange={(v) => {
              setTargetType(v as TargetType | null);
              setPage(1);
            }}
            clearable
            w={200}
          />
          <Checkbox
            label={t('configurations.includeArchived')}
            checked={includeArchived}
            onChange={(e) => {
              setIncludeArchived(e.currentTarget.checked);
              setPage(1);
            }}
            mb={8}
          />
        </Group>
        {error ? (
          <LoadError title={t('configurations.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconAdjustmentsHorizontal size={28} stroke={1.5} />}
            withIndicatorBackground
            title={
              debounced ? t('configurations.emptySearch', { search: debounced }) : t('configurations.empty')
            }
            description={
              filtered
                ? undefined
                : canManage
                  ? t('configurations.emptyHint')
                  : t('configurations.emptyReadOnly')
            }
            py={48}
            role="status"
          >
            {!filtered && newButton && <EmptyState.Actions>{newButton}</EmptyState.Actions>}
          </EmptyState>
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`configurations.columns.${c}`))}
            caption={t('configurations.tableCaption')}
            minWidth={860}
            rows={rows}
            renderRow={(r) => <ConfigurationTableRow key={r.id} row={r} />}
            loading={loading}
            firstLoad={loading && !data}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
    </Page>
  );
}
