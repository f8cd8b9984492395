import type { UnitFacts, UnitRef } from '../../../shared/permissions/engine.js';
import type { Db } from '../../db/open.js';

/** A unit with its chain of ancestors (nearest first), as the permission engine needs it. */
export function unitFacts(db: Db, unitId: string): UnitFacts | undefined {
  const rows = db
    .prepare<[string], UnitRef & { depth: number }>(
      `WITH RECURSIVE up(id, name, kind, parent_id, depth) AS (
         SELECT id, name, kind, parent_id, 0 FROM unit WHERE id = ?
         UNION ALL
         SELECT u.id, u.name, u.kind, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id
       ) SELECT id, name, kind, depth FROM up ORDER BY depth`,
    )
    .all(unitId);
  const [self, ...ancestors] = rows.map(({ id, name, kind }) => ({ id, name, kind }));
  return self ? { ...self, ancestors } : undefined;
}
