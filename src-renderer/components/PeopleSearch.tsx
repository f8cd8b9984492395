import { useEffect, useState } from 'react';
import { Button, Group, Loader, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../api/client';
import classes from './PeopleSearch.module.css';

/** Someone found by the search (people.list matches name, email or employee number). */
export interface FoundPerson {
  id: string;
  name: string;
  email: string;
  unitName: string;
}

/** Someone already picked; people known from elsewhere (a session's instructors) may lack email and unit. */
export type PickedPerson = Pick<FoundPerson, 'id' | 'name'> & Partial<FoundPerson>;

interface BoxProps {
  id?: string;
  label: string;
  description?: string;
  required?: boolean;
  error?: string | undefined;
}

/** Many people kept as removable chips under the box. */
interface PickManyProps extends BoxProps {
  value: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** People the server refused: their chip is marked and says why, so they can be removed. */
  flagged?: ReadonlySet<string>;
  flaggedLabel?: (name: string) => string;
  /** Says "N people chosen" even at 0 or 1, for forms where the count is what gets submitted. */
  showCount?: boolean;
}

/** One person at a time, handed to the caller, which lists them elsewhere (a group's member table). */
interface PickOneProps extends BoxProps {
  exclude: ReadonlySet<string>;
  onPick: (person: FoundPerson) => void;
}

function usePeopleSearch(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: FoundPerson[] }>({ query: '', rows: [] });
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
      // A slower answer to an older query must not replace the newer one.
      superseded = true;
    };
  }, [query]);
  // Results count only for what is in the box now: while the debounce runs, older ones are not offered.
  const typed = search.trim().length >= 2 ? search.trim() : '';
  return {
    query: typed,
    searching: typed !== '' && found.query !== typed,
    found: typed !== '' && found.query === typed ? found.rows : [],
  };
}

/**
 * Search people on the server (works with thousands) and pick them: by name, email or employee number.
 * With `value`/`onChange` it keeps many as chips; with `exclude`/`onPick` it hands over one at a time.
 */
export function PeopleSearch(props: PickManyProps | PickOneProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { query, searching, found } = usePeopleSearch(search);
  const many = 'value' in props ? props : null;
  const taken = many ? new Set(many.value.map((p) => p.id)) : (props as PickOneProps).exclude;
  const rows = found.filter((r) => !taken.has(r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));

  const pick = (person: FoundPerson) => {
    if (many) many.onChange([...many.value, person]);
    else (props as PickOneProps).onPick(person);
    setSearch('');
  };

  const box = (
    <Select
      {...(props.id ? { id: props.id } : {})}
      label={props.label}
      description={props.description ?? t('common.peopleSearch.hint')}
      placeholder={t('common.peopleSearch.placeholder')}
      required={props.required ?? false}
      data={rows.map((r) => ({ value: r.id, label: `${r.name} (${r.email})` }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(pid) => {
        const p = pid ? byId.get(pid) : undefined;
        if (p) pick(p);
      }}
      nothingFoundMessage={
        query === ''
          ? t('common.peopleSearch.typing')
          : searching
            ? t('common.peopleSearch.searching')
            : t('common.peopleSearch.nothing')
      }
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={searching ? <Loader size={14} aria-label={t('common.peopleSearch.searching')} /> : null}
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
      error={props.error}
      {...(many ? {} : { maw: 480 })}
    />
  );
  if (!many) return box;

  const { value, onChange, flagged, flaggedLabel, showCount } = many;
  return (
    <Stack gap={6}>
      {box}
      {(showCount || value.length > 1) && (
        <Group gap="xs" justify="space-between">
          {showCount ? (
            <Text size="sm" fw={600} role="status">
              {t('common.peopleSearch.chosen', { count: value.length })}
            </Text>
          ) : (
            <span />
          )}
          {value.length > 1 && (
            <Button variant="subtle" color="red" size="compact-xs" onClick={() => onChange([])}>
              {t('common.peopleSearch.removeAll')}
            </Button>
          )}
        </Group>
      )}
      {value.length > 0 && (
        <ul className={classes.chips} aria-label={t('common.peopleSearch.chosenList')}>
          {value.map((p) => {
            const refused = flagged?.has(p.id) ?? false;
            return (
              <li key={p.id}>
                <Pill
                  size="md"
                  withRemoveButton
                  {...(refused ? { bg: 'red.1', c: 'red.9' } : {})}
                  removeButtonProps={{ 'aria-label': t('common.peopleSearch.remove', { name: p.name }) }}
                  onRemove={() => onChange(value.filter((c) => c.id !== p.id))}
                >
                  {refused && flaggedLabel ? flaggedLabel(p.name) : p.name}
                </Pill>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
