import type { ReactNode } from 'react';
import { Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallState } from '../lib/use-call';
import tableClasses from '../pages/tables.module.css';
import { LoadError } from './LoadError';

/** The call's input for a typed date: a half-typed date asks for today rather than failing validation. */
export const asOfInput = <T extends object>(input: T, asOf: string): T | (T & { asOf: string }) =>
  /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { ...input, asOf } : input;

/**
 * A table of one read "as of" a chosen day: the intro and date picker above it, then the failure (with
 * retry), a skeleton while the first answer loads, the empty message, or the table (kept, dimmed, while
 * a newer date loads).
 */
export function AsOfTable<Row>({
  intro,
  asOfLabel,
  asOf,
  onAsOfChange,
  call,
  loadFailed,
  empty,
  caption,
  columns,
  minWidth,
  renderRow,
}: {
  intro: string;
  asOfLabel: string;
  asOf: string;
  onAsOfChange: (asOf: string) => void;
  call: CallState<{ rows: Row[] }>;
  loadFailed: string;
  empty: string;
  /** The table's accessible name. */
  caption: string;
  /** Column headings, already translated. */
  columns: readonly string[];
  minWidth: number;
  renderRow: (row: Row) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = call;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={560}>
          {intro}
        </Text>
        <TextInput
          type="date"
          label={asOfLabel}
          value={asOf}
          onChange={(e) => onAsOfChange(e.currentTarget.value)}
          w={170}
        />
      </Group>
      {error ? (
        <LoadError title={loadFailed} message={error.message} onRetry={reload} />
      ) : !data ? (
        <Skeleton height={160} radius="md" />
      ) : data.rows.length === 0 ? (
        <Text role="status">{empty}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={minWidth}
          type="native"
          tabIndex={0}
          aria-label={t('common.tableScrollRegion')}
        >
          <Table
            verticalSpacing="xs"
            aria-label={caption}
            aria-busy={loading}
            className={loading ? tableClasses.stale : undefined}
          >
            <Table.Thead className={tableClasses.thead}>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{data.rows.map((r) => renderRow(r))}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
