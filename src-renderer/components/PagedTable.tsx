import type { ReactNode } from 'react';
import { Table, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from '../pages/tables.module.css';
import { SkeletonRows } from './SkeletonRows';
import { TableFooter } from './TableFooter';

interface Props<T> {
  /** Column headers, already translated, in display order. */
  headers: readonly string[];
  caption: string;
  minWidth: number;
  horizontalSpacing?: MantineSpacing;
  rows: readonly T[];
  renderRow: (row: T) => ReactNode;
  /** A request is running: dims the rows that are still shown, or shows skeletons on first load. */
  loading: boolean;
  firstLoad: boolean;
  paging?:
    { page: number; pageSize: number; total: number; onPage: (page: number) => void } | null | undefined;
}

/** A server-paged table: keyboard-reachable when it scrolls sideways, skeletons while loading, "1–50 of N" below. */
export function PagedTable<T>(p: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer
        minWidth={p.minWidth}
        type="native"
        // A region that scrolls sideways must be reachable from the keyboard (WCAG 2.1.1).
        tabIndex={0}
        aria-label={t('common.tableScrollRegion')}
      >
        <Table
          highlightOnHover
          verticalSpacing="xs"
          horizontalSpacing={p.horizontalSpacing ?? 'md'}
          aria-label={p.caption}
          aria-busy={p.loading}
          className={p.loading ? classes.stale : undefined}
        >
          <Table.Thead className={classes.thead}>
            <Table.Tr>
              {p.headers.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.firstLoad ? <SkeletonRows columns={p.headers.length} /> : p.rows.map((r) => p.renderRow(r))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {p.paging && <TableFooter {...p.paging} />}
    </>
  );
}
