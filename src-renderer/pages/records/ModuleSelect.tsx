import { useMemo, useState } from 'react';
import { Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog';
import { useCall } from '../../lib/use-call';

/** A module from the catalog, searched on the server; published ones only when a result is to be recorded. */
export function ModuleSelect({
  value,
  onChange,
  publishedOnly,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: ModuleSummary | null;
  onChange: (module: ModuleSummary | null) => void;
  publishedOnly: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? `${value.title} (${value.code})` : '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const label = value ? `${value.title} (${value.code})` : '';
  const input: CallInput<'modules.options'> = { publishedOnly, limit: 50 };
  if (debounced && debounced !== label) input.search = debounced;
  const { data, loading } = useCall('modules.options', input);
  const rows = useMemo(() => {
    const found = data?.rows ?? [];
    return value && !found.some((m) => m.id === value.id) ? [value, ...found] : found;
  }, [data, value]);
  const byId = useMemo(() => new Map(rows.map((m) => [m.id, m])), [rows]);
  return (
    <Select
      data={rows.map((m) => ({ value: m.id, label: `${m.title} (${m.code})` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={loading ? t('common.loading') : t('recordsScreens.module.nothing')}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const m = byId.get(option.value);
        return (
          <div>
            <Text size="sm">{m?.title}</Text>
            <Text size="xs" c="dimmed">
              {m ? `${m.code} · ${t(`recordsScreens.module.kind.${m.kind}`)}` : ''}
            </Text>
          </div>
        );
      }}
      {...rest}
    />
  );
}
