import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import type { MatrixRow } from '../../../shared/api/schemas/compliance';
import { formatNumber } from '../../lib/format';
import { formatIsoDate } from '../records/record-format';
import classes from './matrix.module.css';
import { statusClass } from './status';

type Meta = Pick<CallOutput<'compliance.matrix'>, 'asOf' | 'modules' | 'total'>;

const ROW_H = 36;
const HEAD_H = 64;
const PERSON_W = 240;
const TOTAL_W = 76;
const COL_W = 112;
/** Columns before the modules: person and total (both stay put when scrolling sideways). */
const FIXED = 2;

export interface CellRef {
  row: MatrixRow;
  moduleIndex: number;
}

const cellId = (r: number, c: number) => `matrix-cell-${r}-${c}`;

/**
 * People × modules as an ARIA grid, virtualized both ways (only what is on screen is in the DOM,
 * so 10,000 × 50 scrolls smoothly). Focus stays on the grid; the arrow keys move the active cell
 * (aria-activedescendant) and Enter opens a module cell's history.
 */
export function MatrixGrid({
  meta,
  rowAt,
  ensureRows,
  onOpen,
}: {
  meta: Meta;
  rowAt: (index: number) => MatrixRow | undefined;
  ensureRows: (start: number, end: number) => void;
  onOpen: (cell: CellRef) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const cols = meta.modules.length;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself; nothing here is memoized
  const rows = useVirtualizer({
    count: meta.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    overscan: 10,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: cols,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_W,
    overscan: 3,
  });

  const vRows = rows.getVirtualItems();
  const vCols = columns.getVirtualItems();
  const firstRow = vRows[0]?.index ?? 0;
  const lastRow = vRows[vRows.length - 1]?.index ?? 0;
  useEffect(() => ensureRows(firstRow, lastRow), [ensureRows, firstRow, lastRow]);

  const width = PERSON_W + TOTAL_W + columns.getTotalSize();
  const leftPad = vCols[0]?.start ?? 0;
  const rightPad = columns.getTotalSize() - (vCols[vCols.length - 1]?.end ?? 0);

  const move = (r: number, c: number) => {
    const next = {
      r: Math.max(0, Math.min(meta.total - 1, r)),
      c: Math.max(0, Math.min(cols + FIXED - 1, c)),
    };
    setActive(next);
    rows.scrollToIndex(next.r, { align: 'auto' });
    if (next.c >= FIXED) columns.scrollToIndex(next.c - FIXED, { align: 'auto' });
    else if (scroller.current) scroller.current.scrollLeft = 0;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (meta.total === 0) return;
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 400) - HEAD_H) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active.r + 1, active.c),
      ArrowUp: () => move(active.r - 1, active.c),
      ArrowRight: () => move(active.r, active.c + 1),
      ArrowLeft: () => move(active.r, active.c - 1),
      PageDown: () => move(active.r + page, active.c),
      PageUp: () => move(active.r - page, active.c),
      Home: () => (e.ctrlKey ? move(0, 0) : move(active.r, 0)),
      End: () => (e.ctrlKey ? move(meta.total - 1, cols + FIXED - 1) : move(active.r, cols + FIXED - 1)),
      Enter: () => open(active.r, active.c),
      ' ': () => open(active.r, active.c),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const open = (r: number, c: number) => {
    const row = rowAt(r);
    if (row && c >= FIXED && row.cells[c - FIXED] !== 'not_required') onOpen({ row, moduleIndex: c - FIXED });
  };

  const activeRendered =
    vRows.some((v) => v.index === active.r) &&
    (active.c < FIXED || vCols.some((v) => v.index === active.c - FIXED)) &&
    !!rowAt(active.r);

  const cls = (r: number, c: number, ...extra: (string | undefined)[]) =>
    [...extra, r === active.r && c === active.c ? classes.active : undefined].filter(Boolean).join(' ');

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="grid"
      aria-label={t('compliance.matrix.label', { date: formatIsoDate(meta.asOf) })}
      aria-rowcount={meta.total + 1}
      aria-colcount={cols + FIXED}
      aria-describedby="matrix-help"
      aria-activedescendant={activeRendered ? cellId(active.r, active.c) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ width, height: HEAD_H + rows.getTotalSize(), position: 'relative' }}>
        <div role="rowgroup" className={classes.header} style={{ width, height: HEAD_H }}>
          <div role="row" aria-rowindex={1} style={{ display: 'flex', width }}>
            <div
              role="columnheader"
              aria-colindex={1}
              className={`${classes.headCell} ${classes.sticky}`}
              style={{ width: PERSON_W, left: 0 }}
            >
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {t('compliance.matrix.person')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('compliance.matrix.count', { count: meta.total, formatted: formatNumber(meta.total) })}
              </Text>
            </div>
            <div
              role="columnheader"
              aria-colindex={2}
              className={`${classes.headCell} ${classes.sticky} ${classes.stickyEdge}`}
              style={{ width: TOTAL_W, left: PERSON_W }}
            >
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {t('compliance.matrix.total')}
              </Text>
            </div>
            <div style={{ width: leftPad, flex: 'none' }} />
            {vCols.map((vc) => {
              const m = meta.modules[vc.index];
              if (!m) return null;
              return (
                <div
                  key={m.id}
                  role="columnheader"
                  aria-colindex={vc.index + FIXED + 1}
                  className={classes.headCell}
                  style={{ width: vc.size }}
                  title={`${m.title} (${m.code})`}
                >
                  <Text size="xs" fw={700} className={classes.truncate}>
                    {m.code}
                  </Text>
                  <Text size="xs" c="dimmed" className={classes.truncate}>
                    {m.title}
                  </Text>
                  <Text size="xs" className={classes.truncate}>
                    {m.required === 0
                      ? t('compliance.matrix.colTotalNone')
                      : t('compliance.matrix.colTotal', {
                          percent: Math.floor((m.compliant / m.required) * 100),
                        })}
                  </Text>
                </div>
              );
            })}
            <div style={{ width: rightPad, flex: 'none' }} />
          </div>
        </div>
        <div role="rowgroup">
          {vRows.map((vr) => {
            const row = rowAt(vr.index);
            const r = vr.index;
            return (
              <div
                key={vr.key}
                role="row"
                aria-rowindex={r + 2}
                className={classes.row}
                style={{ width, height: vr.size, transform: `translateY(${HEAD_H + vr.start}px)` }}
              >
                <div
                  role="rowheader"
                  id={cellId(r, 0)}
                  aria-colindex={1}
                  className={cls(r, 0, classes.cell, classes.sticky)}
                  style={{ width: PERSON_W, left: 0 }}
                  onClick={() => setActive({ r, c: 0 })}
                  title={row ? `${row.name} · ${row.unitName}` : undefined}
                >
                  {row ? (
                    <Text size="sm" className={classes.truncate}>
                      {row.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {row.unitName}
                      </Text>
                    </Text>
                  ) : (
                    <Skeleton height={10} width="70%" aria-label={t('compliance.matrix.loadingRow')} />
                  )}
                </div>
                <div
                  role="gridcell"
                  id={cellId(r, 1)}
                  aria-colindex={2}
                  className={cls(r, 1, classes.cell, classes.sticky, classes.stickyEdge)}
                  style={{ width: TOTAL_W, left: PERSON_W }}
                  onClick={() => setActive({ r, c: 1 })}
                  aria-label={
                    row ? t('compliance.matrix.rowTotalLabel', row) : t('compliance.matrix.loadingRow')
                  }
                >
                  {row && (
                    <Text size="sm" ff="monospace" aria-hidden>
                      {t('compliance.matrix.rowTotal', row)}
                    </Text>
                  )}
                </div>
                <div style={{ width: leftPad, flex: 'none' }} />
                {vCols.map((vc) => {
                  const c = vc.index + FIXED;
                  const status = row?.cells[vc.index];
                  const m = meta.modules[vc.index];
                  return (
                    <div
                      key={vc.key}
                      role="gridcell"
                      id={cellId(r, c)}
                      aria-colindex={c + 1}
                      className={cls(r, c, classes.cell, classes.moduleCell)}
                      style={{ width: vc.size }}
                      aria-label={
                        row && status && m
                          ? t('compliance.matrix.cellLabel', {
                              person: row.name,
                              module: m.title,
                              status: t(`compliance.status.${status}`),
                            })
                          : undefined
                      }
                      onClick={() => {
                        setActive({ r, c });
                        open(r, c);
                      }}
                    >
                      {status && (
                        <Text
                          component="span"
                          size="xs"
                          fw={600}
                          className={statusClass(status)}
                          py={4}
                          aria-hidden
                        >
                          {status === 'not_required' ? '—' : t(`compliance.status.${status}`)}
                        </Text>
                      )}
                    </div>
                  );
                })}
                <div style={{ width: rightPad, flex: 'none' }} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
