import type { TargetRef } from '../../../shared/api/contract.js';
import { rankOf, type Target } from '../../../shared/permissions/engine.js';
import type { Db } from '../../db/open.js';
import { loadGrants } from '../auth/actor-repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';

/** A person as a permission target: their unit chain, manager chain and rank. */
export function personTarget(db: Db, personId: string): Extract<Target, { kind: 'person' }> | null {
  const p = db
    .prepare<[string], { id: string; first_name: string; last_name: string; unit_id: string }>(
      'SELECT id, first_name, last_name, unit_id FROM person WHERE id = ?',
    )
    .get(personId);
  if (!p) return null;
  const unit = unitFacts(db, p.unit_id);
  if (!unit) return null;
  const managerChain = db
    .prepare<[string], string>(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT manager_id, 1 FROM person WHERE id = ?
         UNION ALL SELECT p.manager_id, up.depth + 1 FROM person p JOIN up ON p.id = up.id
         WHERE up.depth < 100
       ) SELECT id FROM up WHERE id IS NOT NULL`,
    )
    .pluck()
    .all(personId);
  return {
    kind: 'person',
    id: p.id,
    name: `${p.first_name} ${p.last_name}`,
    unit,
    managerChain,
    rank: rankOf(loadGrants(db, p.id, p.unit_id)),
  };
}

export function loadTarget(db: Db, ref: TargetRef): Target | null {
  if ('person' in ref) return personTarget(db, ref.person);
  const unit = unitFacts(db, ref.unit);
  return unit ? { kind: 'unit', unit } : null;
}
