import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Select, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput';
import { formatNumber } from '../../lib/format';
import tables from '../tables.module.css';
import classes from './records-import.module.css';

const ESTIMATED_ROW = 38;
const HEADER_HEIGHT = 39;

export interface Sort<K extends string> {
  by: K;
  dir: 'asc' | 'desc';
}

/** Click a column once for ascending, again for descending; another column starts ascending. */
export function useSort<K extends string>(initial: K) {
  const [sort, setSort] = useState<Sort<K>>({ by: initial, dir: 'asc' });
  const toggle = (by: K) =>
    setSort((s) => (s.by === by ? { by, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' }));
  return [sort, toggle] as const;
}

/** What was typed in a table's search box, and the trimmed lower-case text to filter by (debounced). */
export function useTableSearch() {
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search.trim().toLowerCase(), 150);
  return { search, setSearch, text };
}

/** The words each table has under `recordsImport.errors` / `recordsImport.changes`. */
type TableWord = 'caption' | 'scrollRegion' | 'search' | 'searchPlaceholder' | 'noneMatch';

export interface VirtualColumn<K extends string> {
  label: string;
  /** Sortable columns have a sort button in their header. */
  sortBy?: K;
}

interface Props<T, K extends string> {
  /**
   * Where the table's words are: `recordsImport.<strings>.` (a TableWord, and shown (plural,
   * formatted) and shownOf (shown, total) for the count).
   */
  strings: 'errors' | 'changes';
  columns: VirtualColumn<K>[];
  /** The CSS grid the header and every row share (their column widths). */
  gridClassName: string | undefined;
  /** Rows before filtering (for "3 of 12"). */
  total: number;
  /** The rows to show: filtered and sorted. */
  rows: readonly T[];
  /** One element per column, each becomes a cell. */
  cells: (row: T) => ReactNode[];
  sort: Sort<K>;
  onSort: (by: K) => void;
  filter: { label: string; value: string; options: { value: string; label: string }[] };
  onFilter: (value: string) => void;
  search: string;
  onSearch: (value: string) => void;
}

/**
 * A long list (up to 10,000 rows) filtered, searched and sorted in memory, of
 * which only the rows on screen are in the DOM. Rows may be of any height (they
 * are measured). The scroll area takes the keyboard focus, so arrows and Page
 * Up/Down scroll it. ARIA table roles, since a virtual list cannot be a <table>.
 */
export function VirtualTable<T, K extends string>(p: Props<T, K>) {
  const { t } = useTranslation();
  const words = (key: TableWord) => t(`recordsImport.${p.strings}.${key}`);
  const shown = p.rows.length;
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state, which is what we want
  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
  });

  // Another filter or order starts at the top, not somewhere in the middle of a different list.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [p.rows]);

  const header = ({ label, sortBy }: VirtualColumn<K>) => {
    if (!sortBy) {
      return (
        <div key={label} role="columnheader" className={classes.vTh}>
          <span className={classes.sortButton}>{label}</span>
        </div>
      );
    }
    const dir = p.sort.by === sortBy ? p.sort.dir : null;
    const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
    return (
      <div
        key={label}
        role="columnheader"
        className={classes.vTh}
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      >
        <UnstyledButton
          className={`${classes.sortButton} ${dir ? classes.sorted : ''}`}
          onClick={() => p.onSort(sortBy)}
          aria-label={t('recordsImport.table.sortBy', { column: label })}
        >
          {label}
          <Icon size={14} stroke={2} aria-hidden />
        </UnstyledButton>
      </div>
    );
  };

  return (
    <div>
      <Group p="sm" gap="md" align="flex-end" className={tables.toolbar}>
        <Select
          label={p.filter.label}
          data={p.filter.options}
          value={p.filter.value}
          onChange={(v) => p.onFilter(v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        <SearchInput
          label={words('search')}
          placeholder={words('searchPlaceholder')}
          clearLabel={t('recordsImport.table.clearSearch')}
          value={p.search}
          onChange={p.onSearch}
          busy={false}
          w={{ base: '100%', xs: 280 }}
        />
        <Text size="sm" c="dimmed" aria-live="polite" ml="auto">
          {shown === p.total
            ? t(`recordsImport.${p.strings}.shown`, { count: shown, formatted: formatNumber(shown) })
            : t(`recordsImport.${p.strings}.shownOf`, {
                shown: formatNumber(shown),
                total: formatNumber(p.total),
              })}
        </Text>
      </Group>
      <div
        ref={scrollRef}
        className={classes.vScroller}
        tabIndex={0}
        role="region"
        aria-label={words('scrollRegion')}
      >
        <div role="table" aria-label={words('caption')} aria-rowcount={p.rows.length + 1}>
          <div role="rowgroup" className={classes.vHead}>
            <div role="row" aria-rowindex={1} className={p.gridClassName}>
              {p.columns.map(header)}
            </div>
          </div>
          <div role="rowgroup" className={classes.vBody} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`${p.gridClassName ?? ''} ${classes.vBodyRow}`}
                style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
              >
                {p.cells(p.rows[item.index]!).map((cell, i) => (
                  <div key={i} role="cell" className={classes.vCell}>
                    {cell}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
        {p.rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" role="status">
            {words('noneMatch')}
          </Text>
        )}
      </div>
    </div>
  );
}
