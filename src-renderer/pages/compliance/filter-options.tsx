import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../lib/use-call';
import { unitOptions } from '../groups/group-rule';
import { unitSelectProps } from '../groups/unit-select';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A unit within scope (its subtree counts), searched by path and indented by depth. */
export function ScopeUnitSelect({ value, onChange, ...rest }: PickerProps) {
  const tree = useCall('units.tree', {});
  const units = useMemo(() => unitOptions(tree.data?.units ?? []), [tree.data]);
  const unitSelect = unitSelectProps(units);
  return (
    <Select
      data={unitSelect.data}
      filter={unitSelect.filter}
      renderOption={unitSelect.renderOption}
      value={value}
      onChange={onChange}
      searchable
      maxDropdownHeight={320}
      {...rest}
    />
  );
}

/** A group owned within scope (the first 500 by name; typing filters them). */
export function GroupSelect({ value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const groups = useCall('groups.list', { offset: 0, limit: 500 });
  const data = useMemo(
    () => (groups.data?.rows ?? []).map((g) => ({ value: g.id, label: g.name })),
    [groups.data],
  );
  return (
    <Select
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('compliance.groupAll')}
      maxDropdownHeight={320}
      {...rest}
    />
  );
}
