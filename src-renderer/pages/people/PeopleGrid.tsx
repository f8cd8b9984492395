import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../shared/api/schemas/people';
import { LoadError } from '../../components/LoadError';
import { formatNumber } from '../../lib/format';
import { BLOCK_SIZE, usePeopleWindow, type PeopleFilter } from './people-window';
import { SORT_COLUMNS, usePeopleView, type Sort, type SortColumn } from './people-view';
import { StatusBadge } from './StatusBadge';
import classes from './PeopleGrid.module.css';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 41;
/** Rows fetched beyond those on screen, so a short scroll never shows placeholders. */
const PREFETCH_ROWS = 60;

interface Props {
  filter: PeopleFilter;
  sort: Sort;
  onSort: (by: SortColumn) => void;
  onOpen: (person: PersonRow) => void;
  /** Shown instead of the grid when nobody matches. */
  empty: ReactNode;
}

function SortIcon({ dir }: { dir: 'asc' | 'desc' | null }) {
  const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
  return <Icon size={14} stroke={2} aria-hidden style={{ flex: 'none', opacity: dir ? 1 : 0.6 }} />;
}

function Cells({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="gridcell" className={`${classes.cell} ${classes.name}`}>
        {t('people.nameFormat', { last: person.lastName, first: person.firstName })}
      </div>
      <div role="gridcell" className={classes.cell}>
        {person.email}
      </div>
      <div role="gridcell" className={`${classes.cell} ${classes.numeric}`}>
        {person.employeeNo}
      </div>
      <div role="gridcell" className={classes.cell}>
        {person.unitName}
      </div>
      <div role="gridcell" className={classes.cell}>
        {person.department}
      </div>
      <div role="gridcell" className={classes.cell}>
        {person.jobTitle}
      </div>
      <div role="gridcell" className={classes.cell}>
        <StatusBadge status={person.status} />
      </div>
    </>
  );
}

function PlaceholderCells({ index }: { index: number }) {
  return SORT_COLUMNS.map((c, i) => (
    <div role="gridcell" key={c} className={classes.cell}>
      <Skeleton height={10} radius="sm" width={`${50 + ((index * 7 + i * 13) % 40)}%`} />
    </div>
  ));
}

/**
 * The people list as an ARIA grid over a virtual window: only the rows on
 * screen exist in the DOM, and only the blocks that cover them are fetched.
 * One row at a time is in the tab order; arrows, Page Up/Down, Home and End
 * move it (scrolling as needed), Enter opens the person.
 */
export function PeopleGrid({ filter, sort, onSort, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const saved = usePeopleView((s) => s.view);
  const update = usePeopleView((s) => s.update);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const [active, setActive] = useState(saved.activeIndex);
  const [wanted, setWanted] = useState({ first: 0, last: 0 });
  const key = JSON.stringify(filter);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    // A new filter or sort starts at the top of the list.
    setShownKey(key);
    setActive(0);
    setWanted({ first: 0, last: 0 });
  }

  const win = usePeopleWindow(filter, wanted.first, wanted.last);
  const count = win.total ?? 0;

  const rangeExtractor = useCallback(
    (range: Range) => {
      // The row with focus stays in the DOM when scrolled away, or focus would fall to the page.
      const indexes = defaultRangeExtractor(range);
      if (active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [active],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own onChange, which is what we want
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    onChange: (instance) => {
      const r = instance.range;
      if (!r) return;
      const first = Math.floor(Math.max(0, r.startIndex - PREFETCH_ROWS) / BLOCK_SIZE) * BLOCK_SIZE;
      const last = Math.floor((r.endIndex + PREFETCH_ROWS) / BLOCK_SIZE) * BLOCK_SIZE;
      setWanted((prev) => (prev.first === first && prev.last === last ? prev : { first, last }));
    },
  });

  // Back from a person: the list opens where it was left.
  const restored = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (restored.current || !el || win.total === null) return;
    restored.current = true;
    if (saved.scrollTop > 0) el.scrollTop = saved.scrollTop;
  }, [win.total, saved.scrollTop]);

  useEffect(() => {
    if (scrollRef.current && restored.current) scrollRef.current.scrollTop = 0;
  }, [key]);

  // Moving with the keyboard focuses the new row once it is rendered.
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  }, [active, items]);

  const open = (person: PersonRow | undefined, index: number) => {
    if (!person) return;
    update({ scrollTop: scrollRef.current?.scrollTop ?? 0, activeIndex: index });
    onOpen(person);
  };

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(0, index), count - 1);
    if (next < 0) return;
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current;
    const pageRows = Math.max(1, Math.floor(((el?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + pageRows),
      PageUp: () => moveTo(active - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      ArrowRight: () => el?.scrollBy({ left: 120 }),
      ArrowLeft: () => el?.scrollBy({ left: -120 }),
      Enter: () => open(win.rowAt(active), active),
    };
    const move = moves[e.key];
    if (!move || e.altKey || e.metaKey) return;
    e.preventDefault();
    move();
  };

  if (win.error) {
    return <LoadError title={t('people.loadFailed')} message={win.error.message} onRetry={win.retry} />;
  }
  if (win.total === 0 && !win.stale) return empty;

  const loadingFirst = win.total === null;
  return (
    <>
      <Group px="md" py={8} className={classes.summary} justify="space-between" gap="xs">
        <Text size="sm" fw={600} aria-live="polite">
          {loadingFirst
            ? t('people.countLoading')
            : t('people.count', { count, formatted: formatNumber(count) })}
        </Text>
        <Text size="xs" c="dimmed" id="people-grid-help" visibleFrom="md">
          {t('people.keyboardHint')}
        </Text>
      </Group>
      <div ref={scrollRef} className={classes.scroller}>
        <div
          role="grid"
          aria-label={t('people.tableCaption')}
          aria-rowcount={count + 1}
          aria-colcount={SORT_COLUMNS.length}
          aria-describedby="people-grid-help"
          aria-busy={loadingFirst || win.stale}
          className={`${classes.grid} ${win.stale ? classes.stale : ''}`}
        >
          <div role="rowgroup" className={classes.head}>
            <div role="row" aria-rowindex={1} className={classes.row}>
              {SORT_COLUMNS.map((c) => {
                const dir = sort.by === c ? sort.dir : null;
                return (
                  <div
                    role="columnheader"
                    key={c}
                    className={classes.th}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  >
                    <UnstyledButton
                      className={`${classes.sortButton} ${dir ? classes.sorted : ''}`}
                      onClick={() => onSort(c)}
                    >
                      {t(`people.columns.${c}`)}
                      <SortIcon dir={dir} />
                    </UnstyledButton>
                  </div>
                );
              })}
            </div>
          </div>
          {loadingFirst ? (
            <div role="rowgroup" aria-hidden>
              {Array.from({ length: 8 }, (_, i) => (
                <div role="row" key={i} className={classes.row} style={{ height: ROW_HEIGHT }}>
                  <PlaceholderCells index={i} />
                </div>
              ))}
            </div>
          ) : (
            <div
              role="rowgroup"
              className={classes.body}
              style={{ height: virtualizer.getTotalSize() }}
              onKeyDown={onKeyDown}
            >
              {items.map((item) => {
                const person = win.rowAt(item.index);
                return (
                  <div
                    role="row"
                    key={item.key}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    aria-busy={person ? undefined : true}
                    aria-label={person ? undefined : t('people.loadingRow', { row: item.index + 1 })}
                    tabIndex={item.index === active ? 0 : -1}
                    className={`${classes.row} ${classes.bodyRow}`}
                    style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                    onFocus={() => {
                      if (active !== item.index) setActive(item.index);
                    }}
                    onClick={() => open(person, item.index)}
                  >
                    {person ? <Cells person={person} /> : <PlaceholderCells index={item.index} />}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </>
  );
}
