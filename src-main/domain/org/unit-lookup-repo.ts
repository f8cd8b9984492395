import type { Db } from '../../db/open.js';

/** Every unit's path from the root, "Nordvik Group / Norrland / Umeå", as a CTE named unit_path(id, path). */
export const UNIT_PATHS_CTE = `unit_path(id, path) AS (
    SELECT id, name FROM unit WHERE parent_id IS NULL
    UNION ALL SELECT u.id, up.path || ' / ' || u.name FROM unit u JOIN unit_path up ON u.parent_id = up.id
  )`;

const normalisePath = (s: string) =>
  s
    .split('/')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .join(' / ');

/**
 * A unit named the way people write it in a file or on the command line: by its
 * code (case-insensitive) or by its path from the organisation ("Nordvik Group /
 * Norrland / Umeå", spacing around the slashes free). Paths without the
 * organisation's name ("Norrland / Umeå") are accepted too.
 */
export function findUnitByCodeOrPath(db: Db, text: string): { id: string; path: string } | undefined {
  const wanted = text.trim();
  if (!wanted) return undefined;
  const byCode = db
    .prepare<[string], { id: string; path: string }>(
      `WITH RECURSIVE ${UNIT_PATHS_CTE} SELECT u.id, up.path FROM unit u JOIN unit_path up ON up.id = u.id WHERE u.code = ? COLLATE NOCASE`,
    )
    .get(wanted);
  if (byCode) return byCode;
  const target = normalisePath(wanted);
  const rows = db
    .prepare<[], { id: string; path: string }>(
      `WITH RECURSIVE ${UNIT_PATHS_CTE} SELECT id, path FROM unit_path`,
    )
    .all();
  return (
    rows.find((r) => normalisePath(r.path) === target) ??
    rows.find((r) => normalisePath(r.path).split(' / ').slice(1).join(' / ') === target)
  );
}
