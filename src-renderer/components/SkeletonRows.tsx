import { Skeleton, Table } from '@mantine/core';

/** Placeholder rows while a table's first page loads. */
export function SkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return Array.from({ length: rows }, (_, r) => (
    <Table.Tr key={r} aria-hidden>
      {Array.from({ length: columns }, (_, c) => (
        <Table.Td key={c}>
          <Skeleton height={12} radius="sm" width={`${55 + ((r * 7 + c * 13) % 40)}%`} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
