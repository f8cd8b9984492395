import { useEffect, useState } from 'react';
import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GroupMember } from '../../../shared/api/schemas/groups';
import { client } from '../../api/client';

/** Anyone in the list of people found by a server search, to add to a static group. */
export function AddPeople({
  exclude,
  onAdd,
}: {
  exclude: ReadonlySet<string>;
  onAdd: (m: GroupMember) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: GroupMember[] }>({ query: '', rows: [] });
  useEffect(() => {
    if (!query) return;
    let superseded = false;
    void client.invoke('people.list', { search: query, limit: 20, status: 'active' }).then((res) => {
      if (superseded || !res.ok) return;
      setFound({
        query,
        rows: res.value.rows.map((p) => ({
          id: p.id,
          name: `${p.firstName} ${p.lastName}`,
          email: p.email,
          unitName: p.unitName,
        })),
      });
    });
    return () => {
      superseded = true;
    };
  }, [query]);
  const searching = query !== '' && found.query !== query;
  const rows = found.query === query ? found.rows.filter((r) => !exclude.has(r.id)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <Select
      label={t('groups.static.addPeople')}
      description={t('groups.static.addPeopleHint')}
      placeholder={t('groups.static.addPlaceholder')}
      data={rows.map((r) => ({ value: r.id, label: `${r.name} (${r.email})` }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const m = id ? byId.get(id) : undefined;
        if (m) {
          onAdd(m);
          setSearch('');
        }
      }}
      nothingFoundMessage={
        query === ''
          ? t('groups.static.addPlaceholder')
          : searching
            ? t('groups.static.searching')
            : t('groups.static.noMatches')
      }
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={searching ? <Loader size={14} aria-label={t('groups.static.searching')} /> : null}
      renderOption={({ option }) => {
        const m = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{m?.name}</Text>
            <Text size="xs" c="dimmed">
              {m?.email} · {m?.unitName}
            </Text>
          </Stack>
        );
      }}
      maw={480}
    />
  );
}
