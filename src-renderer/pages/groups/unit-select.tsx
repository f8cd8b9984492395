import { Box, Text } from '@mantine/core';
import type { UnitOption } from './group-rule';

/** What a unit picker needs: its options, a filter on the whole path, and each option indented by depth. */
export function unitSelectProps(units: readonly UnitOption[]) {
  const data = units.map((u) => ({ value: u.value, label: u.label }));
  const filter = ({ options, search }: { options: unknown[]; search: string }) => {
    const q = search.trim().toLocaleLowerCase();
    if (!q) return options as never;
    return (options as { value: string }[]).filter((o) =>
      units
        .find((u) => u.value === o.value)
        ?.path.toLocaleLowerCase()
        .includes(q),
    ) as never;
  };
  const renderOption = ({ option }: { option: { value: string; label: string } }) => {
    const u = units.find((x) => x.value === option.value);
    return (
      <Box pl={Math.max(0, (u?.depth ?? 0) - 1) * 12}>
        <Text size="sm">{option.label}</Text>
      </Box>
    );
  };
  return { data, filter, renderOption };
}
