import { useState } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { GroupRow } from '../../../shared/api/schemas/groups';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import classes from '../tables.module.css';
import groupClasses from './groups.module.css';
import { TagBadge } from '../../components/TagBadge';
import { SearchInput } from '../../components/SearchInput';

const PAGE_SIZE = 50;
const COLUMNS = ['name', 'kind', 'members', 'owner', 'description'] as const;

export function GroupKindBadge({ kind }: { kind: GroupRow['kind'] }) {
  const { t } = useTranslation();
  return <TagBadge color={kind === 'rule' ? 'grape' : 'blue'}>{t(`groups.kind.${kind}`)}</TagBadge>;
}

function GroupTableRow({ group }: { group: GroupRow }) {
  return (
    <Table.Tr>
      <Table.Td className={classes.nowrap}>
        <Anchor
          component={Link}
          to={`/groups/${encodeURIComponent(group.id)}`}
          fw={600}
          className={groupClasses.rowLink}
        >
          {group.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <GroupKindBadge kind={group.kind} />
      </Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(group.memberCount)}</Table.Td>
      <Table.Td className={classes.nowrap}>{group.ownerUnitName}</Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {group.description}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function GroupsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'groups.manage');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const input: CallInput<'groups.list'> = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (debounced) input.search = debounced;
  const { data, error, loading, reload } = useCall('groups.list', input);
  const rows = data?.rows ?? [];
  const changeSearch = (v: string) => {
    setSearch(v);
    setPage(1);
  };

  return (
    <Page
      title={t('groups.title')}
      description={t('groups.description')}
      actions={
        canManage && (
          <Button component={Link} to="/groups/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('groups.new')}
          </Button>
        )
      }
    >
      <Paper withBorder radius="md">
        <Group p="md" className={classes.toolbar}>
          <SearchInput
            label={t('groups.search')}
            placeholder={t('groups.searchPlaceholder')}
            clearLabel={t('groups.clearSearch')}
            value={search}
            onChange={changeSearch}
            busy={loading && !!data}
            w={{ base: '100%', xs: 340 }}
          />
        </Group>
        {error ? (
          <LoadError title={t('groups.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={28} stroke={1.5} />}
            withIndicatorBackground
            title={debounced ? t('groups.emptySearch', { search: debounced }) : t('groups.empty')}
            description={
              debounced ? undefined : canManage ? t('groups.emptyHint') : t('groups.emptyReadOnly')
            }
            py={48}
            role="status"
          >
            {!debounced && canManage && (
              <EmptyState.Actions>
                <Button component={Link} to="/groups/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('groups.new')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`groups.columns.${c}`))}
            caption={t('groups.tableCaption')}
            minWidth={800}
            rows={rows}
            renderRow={(g) => <GroupTableRow key={g.id} group={g} />}
            loading={loading}
            firstLoad={loading && !data}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
    </Page>
  );
}
