import type { UnitNode } from '../../../shared/api/schemas/units.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { Actor } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { unitsRepo, type UnitRow } from './repo.js';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * The units within the actor's units.view reach and the units above them, in
 * the order a tree shows them (depth first, siblings by name), each with its path.
 */
export function unitTree(db: Db, actor: Actor, includeArchived: boolean): UnitNode[] {
  const rows = unitsRepo(db).inReach(reachOf(actor.grants, 'units.view'), actor.id, includeArchived);
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  const ids = new Set(rows.map((r) => r.id));
  // Roots of the answer: the real root, or (should the tree be broken) a unit whose parent is missing.
  const roots = rows.filter((r) => r.parent_id === null || !ids.has(r.parent_id));
  const out: UnitNode[] = [];
  const visit = (r: (typeof rows)[number], parentPath: string | null) => {
    const path = parentPath === null ? r.name : `${parentPath} / ${r.name}`;
    const kids = (children.get(r.id) ?? []).sort(byName);
    out.push({
      ...nodeFields(r),
      outOfScope: !r.in_scope,
      peopleCount: r.in_scope ? r.people_count : null,
      childCount: kids.length,
      path,
    });
    for (const k of kids) visit(k, path);
  };
  for (const r of roots.sort(byName)) visit(r, null);
  return out;
}

const nodeFields = (r: UnitRow) => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  level: r.level,
  kind: r.kind,
  archived: r.archived_at !== null,
});

/** One unit as the write calls return it (the actor has just been allowed to change it). */
export function unitNode(db: Db, id: string): UnitNode {
  const r = unitsRepo(db).byId(id);
  const facts = unitFacts(db, id);
  if (!r || !facts) throw new Error(`unit ${id} vanished`);
  const usage = unitsRepo(db).usage(id);
  return {
    ...nodeFields(r),
    outOfScope: false,
    peopleCount: usage.activePeople,
    childCount: usage.openChildren,
    path: [...facts.ancestors]
      .reverse()
      .concat(facts)
      .map((u) => u.name)
      .join(' / '),
  };
}
