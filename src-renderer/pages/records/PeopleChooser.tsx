import { useEffect, useState } from 'react';
import { Button, Group, Input, Loader, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import classes from './records.module.css';

export interface ChosenPerson {
  id: string;
  name: string;
  email: string;
  unitName: string;
}

/**
 * Many people, found by a server search and kept as removable chips. People the
 * server refused are marked on their chip (`flagged`), so they can be removed.
 */
export function PeopleChooser({
  id,
  chosen,
  onChange,
  flagged,
  error,
}: {
  id: string;
  chosen: readonly ChosenPerson[];
  onChange: (people: ChosenPerson[]) => void;
  flagged: ReadonlySet<string>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: ChosenPerson[] }>({ query: '', rows: [] });
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
  const taken = new Set(chosen.map((c) => c.id));
  const rows = found.query === query ? found.rows.filter((r) => !taken.has(r.id)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <Stack gap={6}>
      <Select
        id={id}
        label={t('recordsScreens.recordForm.people')}
        description={t('recordsScreens.recordForm.peopleHint')}
        placeholder={t('recordsScreens.recordForm.peoplePlaceholder')}
        required
        data={rows.map((r) => ({ value: r.id, label: `${r.name} (${r.email})` }))}
        value={null}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        onChange={(pid) => {
          const p = pid ? byId.get(pid) : undefined;
          if (p) {
            onChange([...chosen, p]);
            setSearch('');
          }
        }}
        nothingFoundMessage={
          query === ''
            ? t('recordsScreens.recordForm.peopleTyping')
            : searching
              ? t('common.loading')
              : t('recordsScreens.recordForm.peopleNothing')
        }
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={searching ? <Loader size={14} aria-label={t('common.loading')} /> : null}
        renderOption={({ option }) => {
          const p = byId.get(option.value);
          return (
            <div>
              <Text size="sm">{p?.name}</Text>
              <Text size="xs" c="dimmed">
                {p?.email} · {p?.unitName}
              </Text>
            </div>
          );
        }}
        error={error}
      />
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600} role="status">
          {t('recordsScreens.recordForm.chosen', { count: chosen.length })}
        </Text>
        {chosen.length > 1 && (
          <Button variant="subtle" color="red" size="compact-xs" onClick={() => onChange([])}>
            {t('recordsScreens.recordForm.removeAll')}
          </Button>
        )}
      </Group>
      {chosen.length > 0 && (
        <Input.Wrapper>
          <ul className={classes.chips} aria-label={t('recordsScreens.recordForm.chosenList')}>
            {chosen.map((p) => (
              <li key={p.id}>
                <Pill
                  size="md"
                  withRemoveButton
                  {...(flagged.has(p.id) ? { bg: 'red.1', c: 'red.9' } : {})}
                  removeButtonProps={{
                    'aria-label': t('recordsScreens.recordForm.remove', { name: p.name }),
                  }}
                  onRemove={() => onChange(chosen.filter((c) => c.id !== p.id))}
                >
                  {flagged.has(p.id) ? t('recordsScreens.recordForm.refused', { name: p.name }) : p.name}
                </Pill>
              </li>
            ))}
          </ul>
        </Input.Wrapper>
      )}
    </Stack>
  );
}
