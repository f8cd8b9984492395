import { useState } from 'react';
import { ActionIcon, CloseButton, EmptyState, Stack, Table, TextInput } from '@mantine/core';
import { IconSearch, IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GroupMember } from '../../../shared/api/schemas/groups';
import { PagedTable } from '../../components/PagedTable';
import tableClasses from '../tables.module.css';

const MEMBER_PAGE = 25;

/** A static group's members: searchable, paged in the page, each removable when editing. */
export function MembersTable({
  members,
  onRemove,
}: {
  members: readonly GroupMember[];
  onRemove?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = search.trim().toLocaleLowerCase();
  const filtered = q
    ? members.filter((m) => `${m.name} ${m.email} ${m.unitName}`.toLocaleLowerCase().includes(q))
    : members;
  const pages = Math.max(1, Math.ceil(filtered.length / MEMBER_PAGE));
  const shown = filtered.slice(
    (Math.min(page, pages) - 1) * MEMBER_PAGE,
    Math.min(page, pages) * MEMBER_PAGE,
  );

  if (members.length === 0) {
    return (
      <EmptyState
        icon={<IconUsers size={28} stroke={1.5} />}
        withIndicatorBackground
        title={t('groups.static.empty')}
        description={onRemove ? t('groups.static.emptyHint') : undefined}
        py={32}
        role="status"
      />
    );
  }
  return (
    <Stack gap={0}>
      {members.length > MEMBER_PAGE && (
        <TextInput
          label={t('groups.static.searchMembers')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('groups.clearSearch')} onClick={() => setSearch('')} />
            ) : null
          }
          w={300}
          mb="sm"
        />
      )}
      <PagedTable
        headers={[
          t('groups.member.name'),
          t('groups.member.email'),
          t('groups.member.unit'),
          ...(onRemove ? [t('groups.member.actions')] : []),
        ]}
        caption={t('groups.static.tableCaption')}
        minWidth={560}
        horizontalSpacing="sm"
        rows={shown}
        loading={false}
        firstLoad={false}
        paging={{
          page: Math.min(page, pages),
          pageSize: MEMBER_PAGE,
          total: filtered.length,
          onPage: setPage,
        }}
        renderRow={(m) => (
          <Table.Tr key={m.id}>
            <Table.Td fw={500} className={tableClasses.nowrap}>
              {m.name}
            </Table.Td>
            <Table.Td className={tableClasses.nowrap}>{m.email}</Table.Td>
            <Table.Td className={tableClasses.nowrap}>{m.unitName}</Table.Td>
            {onRemove && (
              <Table.Td w={60}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('groups.static.remove', { name: m.name })}
                  onClick={() => onRemove(m.id)}
                >
                  <IconUserMinus size={18} aria-hidden />
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
