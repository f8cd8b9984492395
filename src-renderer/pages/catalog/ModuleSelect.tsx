import { useMemo } from 'react';
import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import type { ModuleKind, ModuleSummary } from '../../../shared/api/schemas/catalog';
import { useCall } from '../../lib/use-call';

interface Source {
  kinds?: ModuleKind[];
  publishedOnly?: boolean;
  /** Left out of the choices (the module being edited, what would make a cycle). */
  exclude?: ReadonlySet<string>;
}

/** Modules a manager may pick from; the list is small enough (≤ 200) to filter as they type. */
export function useModuleOptions({ kinds, publishedOnly = false, exclude }: Source) {
  const input = { limit: 200, publishedOnly, ...(kinds ? { kinds } : {}) };
  const { data, error } = useCall('modules.options', input);
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const options = useMemo(
    () =>
      rows.filter((r) => !exclude?.has(r.id)).map((r) => ({ value: r.id, label: `${r.title} (${r.code})` })),
    [rows, exclude],
  );
  const byId = useMemo(() => new Map<string, ModuleSummary>(rows.map((r) => [r.id, r])), [rows]);
  return { options, byId, error, loaded: data !== null };
}

/** One module, by title or code. */
export function ModuleSelect({
  source,
  value,
  onChange,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  source: Source;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { options } = useModuleOptions(source);
  return (
    <Select data={options} value={value} onChange={onChange} searchable maxDropdownHeight={300} {...rest} />
  );
}

/** Several modules, by title or code; ones picked earlier stay listed even if the source no longer offers them. */
export function ModuleMultiSelect({
  source,
  value,
  known,
  onChange,
  ...rest
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  source: Source;
  value: string[];
  known: readonly ModuleSummary[];
  onChange: (ids: string[]) => void;
}) {
  const { options } = useModuleOptions(source);
  const data = [
    ...options,
    ...known
      .filter((k) => !options.some((o) => o.value === k.id))
      .map((k) => ({ value: k.id, label: `${k.title} (${k.code})` })),
  ];
  return (
    <MultiSelect data={data} value={value} onChange={onChange} searchable maxDropdownHeight={300} {...rest} />
  );
}
