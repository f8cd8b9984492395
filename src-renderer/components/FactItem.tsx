import type { ReactNode } from 'react';
import { DataList, Text } from '@mantine/core';

/** One label and value of a details list; an empty value shows `emptyLabel` dimmed instead of nothing. */
export function FactItem({
  label,
  emptyLabel,
  children,
}: {
  label: string;
  emptyLabel: string;
  children?: ReactNode;
}) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>
        {children || (
          <Text c="dimmed" size="sm">
            {emptyLabel}
          </Text>
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
