import { useEffect, useMemo, useRef, useState } from 'react';
import { Group, Select, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/api/schemas/import';
import { SearchInput } from '../../components/SearchInput';
import { formatNumber } from '../../lib/format';
import tables from '../tables.module.css';
import classes from './records-import.module.css';

type SortBy = 'row' | 'column';
interface Sort {
  by: SortBy;
  dir: 'asc' | 'desc';
}

const ESTIMATED_ROW = 38;
const HEADER_HEIGHT = 39;
const ALL = '';

function sortRows(rows: ImportProblem[], sort: Sort): ImportProblem[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byRow = (a: ImportProblem, b: ImportProblem) => a.row - b.row;
  const byColumn = (a: ImportProblem, b: ImportProblem) => a.column.localeCompare(b.column);
  const [first, then] = sort.by === 'row' ? [byRow, byColumn] : [byColumn, byRow];
  return rows.sort((a, b) => sign * first(a, b) || then(a, b));
}

/**
 * Every error the check found (up to 10,000): only the rows on screen are in
 * the DOM. Sorted by row or column, narrowed by column and by text. The scroll
 * area takes the keyboard focus, so arrows and Page Up/Down scroll it.
 */
export function ErrorsTable({ errors }: { errors: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<Sort>({ by: 'row', dir: 'asc' });
  const [column, setColumn] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search.trim().toLowerCase(), 150);

  const columns = useMemo(() => [...new Set(errors.map((e) => e.column))].sort(), [errors]);
  const rows = useMemo(() => {
    const shown = errors.filter(
      (e) =>
        (column === ALL || e.column === column) &&
        (!text || e.message.toLowerCase().includes(text) || String(e.row) === text),
    );
    return sortRows(shown, sort);
  }, [errors, column, text, sort]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state, which is what we want
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
  });

  // Another filter or order starts at the top, not somewhere in the middle of a different list.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [column, text, sort]);

  const toggle = (by: SortBy) =>
    setSort((s) => (s.by === by ? { by, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' }));

  const header = (by: SortBy | null, label: string) => {
    if (!by) {
      return (
        <div role="columnheader" className={classes.errorsTh}>
          <span className={classes.sortButton}>{label}</span>
        </div>
      );
    }
    const dir = sort.by === by ? sort.dir : null;
    const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
    return (
      <div
        role="columnheader"
        className={classes.errorsTh}
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      >
        <UnstyledButton
          className={`${classes.sortButton} ${dir ? classes.sorted : ''}`}
          onClick={() => toggle(by)}
          aria-label={t('recordsImport.errors.sortBy', { column: label })}
        >
          {label}
          <Icon size={14} stroke={2} aria-hidden />
        </UnstyledButton>
      </div>
    );
  };

  const filtered = rows.length !== errors.length;
  return (
    <div>
      <Group p="sm" gap="md" align="flex-end" className={tables.toolbar}>
        <Select
          label={t('recordsImport.errors.column')}
          data={[
            { value: ALL, label: t('recordsImport.errors.allColumns') },
            ...columns.map((c) => ({ value: c, label: c || t('recordsImport.errors.wholeRow') })),
          ]}
          value={column}
          onChange={(v) => setColumn(v ?? ALL)}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        <SearchInput
          label={t('recordsImport.errors.search')}
          placeholder={t('recordsImport.errors.searchPlaceholder')}
          clearLabel={t('recordsImport.errors.clearSearch')}
          value={search}
          onChange={setSearch}
          busy={false}
          w={{ base: '100%', xs: 280 }}
        />
        <Text size="sm" c="dimmed" aria-live="polite" ml="auto">
          {filtered
            ? t('recordsImport.errors.shownOf', {
                shown: formatNumber(rows.length),
                total: formatNumber(errors.length),
              })
            : t('recordsImport.errors.shown', { count: rows.length, formatted: formatNumber(rows.length) })}
        </Text>
      </Group>
      <div
        ref={scrollRef}
        className={classes.errorsScroller}
        tabIndex={0}
        role="region"
        aria-label={t('recordsImport.errors.scrollRegion')}
      >
        <div role="table" aria-label={t('recordsImport.errors.caption')} aria-rowcount={rows.length + 1}>
          <div role="rowgroup" className={classes.errorsHead}>
            <div role="row" aria-rowindex={1} className={classes.errorRow}>
              {header('row', t('recordsImport.errors.row'))}
              {header('column', t('recordsImport.errors.columnHeader'))}
              {header(null, t('recordsImport.errors.message'))}
            </div>
          </div>
          <div role="rowgroup" className={classes.errorsBody} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const e = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={`${classes.errorRow} ${classes.errorBodyRow}`}
                  style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
                >
                  <div role="cell" className={`${classes.errorCell} ${classes.numeric}`}>
                    {e.row}
                  </div>
                  <div role="cell" className={classes.errorCell}>
                    {e.column || t('recordsImport.errors.wholeRow')}
                  </div>
                  <div role="cell" className={classes.errorCell}>
                    {e.message}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" role="status">
            {t('recordsImport.errors.noneMatch')}
          </Text>
        )}
      </div>
    </div>
  );
}
