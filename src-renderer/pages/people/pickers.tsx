import { useEffect, useMemo, useState } from 'react';
import { Box, Select, Text, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../shared/api/schemas/people';
import type { UnitNode } from '../../../shared/api/schemas/units';
import { client } from '../../api/client';
import { useCall } from '../../lib/use-call';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

interface UnitOption extends ComboboxItem {
  depth: number;
  path: string;
}

/** Units in tree order (parents before children, siblings by name), with their depth for indenting. */
export function unitOptions(units: readonly UnitNode[]): UnitOption[] {
  const children = new Map<string | null, UnitNode[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const u of list) {
      out.push({ value: u.id, label: u.name, disabled: u.outOfScope, depth, path: u.path });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * A unit, picked from the tree of units within the actor's scope. Units above
 * that scope are shown (greyed) so the tree reads right, but cannot be picked.
 */
export function UnitSelect({ value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const { data } = useCall('units.tree', {});
  const options = useMemo(() => unitOptions(data?.units ?? []), [data]);
  const byId = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  return (
    <Select
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      nothingFoundMessage={t('person.unitNothing')}
      maxDropdownHeight={320}
      filter={({ options: list, search }) => {
        const q = search.trim().toLowerCase();
        if (!q) return list;
        return list.filter((o) => {
          const unit = 'value' in o ? byId.get(o.value) : undefined;
          return unit ? unit.path.toLowerCase().includes(q) : false;
        });
      }}
      renderOption={({ option }) => {
        const unit = byId.get(option.value);
        return (
          <Box pl={(unit?.depth ?? 0) * 14}>
            <Text size="sm" c={option.disabled ? 'dimmed' : 'inherit'}>
              {option.label}
            </Text>
          </Box>
        );
      }}
      {...rest}
    />
  );
}

/** A department or job title, from the managed lists. */
export function LookupSelect({
  list,
  value,
  onChange,
  ...rest
}: PickerProps & { list: 'department' | 'job_title' }) {
  const { data } = useCall('lookups.list', { list });
  const options = useMemo(() => (data?.rows ?? []).map((r) => ({ value: r.id, label: r.name })), [data]);
  return (
    <Select
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      maxDropdownHeight={320}
      {...rest}
    />
  );
}

export interface PersonOption {
  id: string;
  label: string;
}

/**
 * A person, found by typing part of a name, email or employee number; the
 * server searches, so this works with 10,000 people.
 */
export function PersonPicker({
  value,
  onChange,
  selected,
  excludeId,
  ...rest
}: Omit<PickerProps, 'onChange'> & {
  onChange: (value: string | null, option: PersonOption | null) => void;
  /** The current value's label, for when it is not among the search results. */
  selected?: PersonOption | null;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(selected?.label ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 && debounced !== selected?.label ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: PersonRow[] }>({ query: '', rows: [] });
  useEffect(() => {
    if (!query) return;
    let superseded = false;
    void client.invoke('people.list', { search: query, limit: 20, status: 'active' }).then((res) => {
      if (!superseded && res.ok) setFound({ query, rows: res.value.rows });
    });
    return () => {
      superseded = true;
    };
  }, [query]);
  const data = found.query === query ? found : null;
  const options = useMemo(() => {
    const found = query
      ? (data?.rows ?? [])
          .filter((p) => p.id !== excludeId)
          .map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} (${p.email})` }))
      : [];
    if (selected && !found.some((o) => o.value === selected.id)) {
      found.unshift({ value: selected.id, label: selected.label });
    }
    return found;
  }, [data, query, selected, excludeId]);
  return (
    <Select
      data={options}
      value={value}
      onChange={(v, option) => onChange(v, option ? { id: option.value, label: option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: list }) => list}
      nothingFoundMessage={debounced.length < 2 ? t('person.pickerTyping') : t('person.pickerNothing')}
      placeholder={t('person.managerSearch')}
      {...rest}
    />
  );
}
