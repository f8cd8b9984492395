import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type { PersonRow } from '../../../shared/api/schemas/people';
import { client } from '../../api/client';

/** What the list asks for, without the paging. */
export type PeopleFilter = Omit<CallInput<'people.list'>, 'offset' | 'limit'>;

/** Rows per request: a few screens' worth, so scrolling rarely waits. */
export const BLOCK_SIZE = 200;
/** Blocks kept in memory; the ones furthest from what is shown go first. */
const MAX_BLOCKS = 8;

interface Cache {
  key: string;
  total: number | null;
  blocks: ReadonlyMap<number, readonly PersonRow[]>;
  error: ApiErrorBody | null;
}

const EMPTY: Cache = { key: '', total: null, blocks: new Map(), error: null };

function evictFarthest(blocks: Map<number, readonly PersonRow[]>, near: number): void {
  while (blocks.size > MAX_BLOCKS) {
    let farthest = near;
    for (const b of blocks.keys()) if (Math.abs(b - near) > Math.abs(farthest - near)) farthest = b;
    blocks.delete(farthest);
  }
}

export interface PeopleWindow {
  /** Rows matching the filter; null until the first answer for it. */
  total: number | null;
  /** The row at an index, or undefined while its block loads. */
  rowAt: (index: number) => PersonRow | undefined;
  /** What is shown still belongs to the previous filter (kept, dimmed, so nothing flashes). */
  stale: boolean;
  error: ApiErrorBody | null;
  retry: () => void;
}

/**
 * Windowed loading for a list too long to fetch whole: fetches the
 * BLOCK_SIZE-row blocks that cover the rows on screen, keeps a few, and starts
 * over when the filter changes. Answers for an old filter are dropped.
 */
export function usePeopleWindow(filter: PeopleFilter, firstRow: number, lastRow: number): PeopleWindow {
  const key = JSON.stringify(filter);
  const [cache, setCache] = useState<Cache>(EMPTY);
  const [attempt, setAttempt] = useState(0);
  const inflight = useRef(new Set<string>());
  const latestKey = useRef(key);
  const fetchedKey = useRef<string | null>(null);

  const current = cache.key === key;
  const firstBlock = Math.floor(Math.max(0, firstRow) / BLOCK_SIZE);
  const lastBlock = Math.floor(Math.max(0, lastRow) / BLOCK_SIZE);
  const failed = current && cache.error !== null;

  useEffect(() => {
    latestKey.current = key;
    // A new filter starts at the top, whatever the old scroll position asked for.
    const fresh = fetchedKey.current !== key;
    fetchedKey.current = key;
    if (failed) return;
    const have = current ? cache.blocks : new Map<number, readonly PersonRow[]>();
    const [from, to] = fresh ? [0, 0] : [firstBlock, lastBlock];
    for (let block = from; block <= to; block++) {
      const id = `${attempt}#${key}#${block}`;
      if (have.has(block) || inflight.current.has(id)) continue;
      inflight.current.add(id);
      const input = { ...(JSON.parse(key) as PeopleFilter), offset: block * BLOCK_SIZE, limit: BLOCK_SIZE };
      void client.invoke('people.list', input).then((res) => {
        inflight.current.delete(id);
        if (latestKey.current !== key) return;
        setCache((prev) => {
          const base = prev.key === key ? prev : { ...EMPTY, key };
          if (!res.ok) return { ...base, error: res.error };
          const blocks = new Map(base.blocks);
          blocks.set(block, res.value.rows);
          evictFarthest(blocks, block);
          return { key, total: res.value.total, blocks, error: null };
        });
      });
    }
  }, [key, firstBlock, lastBlock, attempt, current, cache.blocks, failed]);

  const retry = useCallback(() => {
    setCache((prev) => ({ ...prev, error: null }));
    setAttempt((n) => n + 1);
  }, []);

  const shown = current || cache.key !== '' ? cache : EMPTY;
  const rowAt = useCallback(
    (index: number) => shown.blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE],
    [shown.blocks],
  );

  return {
    total: shown.total,
    rowAt,
    stale: !current && shown.total !== null,
    error: current ? cache.error : null,
    retry,
  };
}
