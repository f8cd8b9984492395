import { useEffect, useState } from 'react';
import { CloseButton, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';

export interface PickedPerson {
  id: string;
  name: string;
  email: string;
}

/** Several people, found by a server search (works with thousands), listed under the search box. */
export function PeoplePicker({
  id,
  label,
  description,
  value,
  onChange,
  error,
}: {
  id?: string;
  label: string;
  description?: string;
  value: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: PickedPerson[] }>({ query: '', rows: [] });
  useEffect(() => {
    if (!query) return;
    let superseded = false;
    void client.invoke('people.list', { search: query, limit: 20, status: 'active' }).then((res) => {
      if (superseded || !res.ok) return;
      setFound({
        query,
        rows: res.value.rows.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email })),
      });
    });
    return () => {
      superseded = true;
    };
  }, [query]);
  const searching = query !== '' && found.query !== query;
  const picked = new Set(value.map((p) => p.id));
  const rows = found.query === query ? found.rows.filter((r) => !picked.has(r.id)) : [];
  return (
    <Stack gap="xs">
      <Select
        id={id}
        label={label}
        description={description}
        placeholder={t('catalogScreens.people.placeholder')}
        data={rows.map((r) => ({ value: r.id, label: `${r.name} (${r.email})` }))}
        value={null}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        onChange={(pid) => {
          const p = rows.find((r) => r.id === pid);
          if (p) {
            onChange([...value, p]);
            setSearch('');
          }
        }}
        nothingFoundMessage={
          query === ''
            ? t('catalogScreens.people.placeholder')
            : searching
              ? t('catalogScreens.people.searching')
              : t('catalogScreens.people.nothing')
        }
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          searching ? <Loader size={14} aria-label={t('catalogScreens.people.searching')} /> : null
        }
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length > 0 && (
        <Stack
          component="ul"
          gap={4}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('catalogScreens.people.selected')}
        >
          {value.map((p) => (
            <Group component="li" key={p.id} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>
                {p.name}{' '}
                <Text span size="xs" c="dimmed">
                  {p.email}
                </Text>
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('catalogScreens.people.remove', { name: p.name })}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
