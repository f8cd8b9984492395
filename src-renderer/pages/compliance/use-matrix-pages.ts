import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type { MatrixRow } from '../../../shared/api/schemas/compliance';
import { client } from '../../api/client';

export const MATRIX_PAGE = 200;

type Query = Omit<CallInput<'compliance.matrix'>, 'offset' | 'limit'>;
type Matrix = CallOutput<'compliance.matrix'>;

interface State {
  key: string;
  meta: Pick<Matrix, 'asOf' | 'modules' | 'total'> | null;
  pages: ReadonlyMap<number, readonly MatrixRow[]>;
  error: ApiErrorBody | null;
}

/**
 * The matrix a page of 200 people at a time: the first page on a new query, then
 * whichever pages the visible rows need (so scrolling, or jumping to the end, loads
 * only what is looked at). A new query drops the answers to the old one.
 */
export function useMatrixPages(query: Query) {
  const key = JSON.stringify(query);
  const [attempt, setAttempt] = useState(0);
  const fullKey = `${key}#${attempt}`;
  const [state, setState] = useState<State>({ key: '', meta: null, pages: new Map(), error: null });
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${fullKey}@${page}`;
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      const input = { ...(JSON.parse(key) as Query), offset: page * MATRIX_PAGE, limit: MATRIX_PAGE };
      void client.invoke('compliance.matrix', input).then((res) => {
        setState((prev) => {
          // An answer to a query that has since changed is dropped.
          const base =
            prev.key === fullKey ? prev : { key: fullKey, meta: null, pages: new Map(), error: null };
          if (!res.ok) {
            inFlight.current.delete(id); // so "Try again" can ask once more
            return { ...base, error: res.error };
          }
          const pages = new Map(base.pages);
          pages.set(page, res.value.rows);
          const { asOf, modules, total } = res.value;
          return { key: fullKey, meta: { asOf, modules, total }, pages, error: null };
        });
      });
    },
    [key, fullKey],
  );

  useEffect(() => {
    fetchPage(0);
  }, [fetchPage]);

  const current = state.key === fullKey ? state : null;

  /** Make sure the rows from `start` to `end` (and a page beyond) are loaded or loading. */
  const ensureRows = useCallback(
    (start: number, end: number) => {
      const total = current?.meta?.total ?? 0;
      if (!current?.meta || total === 0) return;
      const last = Math.min(Math.floor((total - 1) / MATRIX_PAGE), Math.floor((end + 50) / MATRIX_PAGE));
      for (let p = Math.floor(start / MATRIX_PAGE); p <= last; p++) {
        if (!current.pages.has(p)) fetchPage(p);
      }
    },
    [current, fetchPage],
  );

  const rowAt = (index: number): MatrixRow | undefined =>
    current?.pages.get(Math.floor(index / MATRIX_PAGE))?.[index % MATRIX_PAGE];

  return {
    meta: current?.meta ?? null,
    error: current?.error ?? null,
    /** The first page of this query has not come yet (older rows are not kept: the columns may differ). */
    loading: !current?.meta,
    rowAt,
    ensureRows,
    reload: () => {
      inFlight.current.clear();
      setAttempt((n) => n + 1);
    },
  };
}

/** Every page of the query, one after another, for the CSV export. */
export async function fetchAllMatrix(
  query: Query,
  onProgress: (done: number, total: number) => void,
): Promise<{ ok: true; value: Matrix } | { ok: false; message: string }> {
  const rows: MatrixRow[] = [];
  let first: Matrix | null = null;
  for (let offset = 0; ; offset += 500) {
    const res = await client.invoke('compliance.matrix', { ...query, offset, limit: 500 });
    if (!res.ok) return { ok: false, message: res.error.message };
    first ??= res.value;
    rows.push(...res.value.rows);
    onProgress(rows.length, res.value.total);
    if (res.value.rows.length === 0 || rows.length >= res.value.total) break;
  }
  return { ok: true, value: { ...first, rows } };
}
