import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql, type SqlPart } from '../permissions/reach-sql.js';

/**
 * Which modules a learner may see (issue 5): a module owned by unit U is visible
 * to person P when P's home unit lies in U's subtree, or P holds an explicit grant
 * on a unit in U's subtree (the child-grant rule: access below gives Member above),
 * or, when given, the actor's catalog.view reach covers U.
 *
 * "U's subtree contains X" is the same as "U is X or one of X's ancestors", so the
 * SQL climbs from P's home unit and grant units to the root and keeps modules
 * owned by any unit on the way. Params are prefixed `vis` to stay clear of reachSql's.
 */
const UNITS_ABOVE_PERSON = `WITH RECURSIVE vis_up(id) AS (
    SELECT unit_id FROM person WHERE id = @visPerson
    UNION SELECT unit_id FROM grant_ WHERE person_id = @visPerson
    UNION SELECT u.parent_id FROM unit u JOIN vis_up ON u.id = vis_up.id WHERE u.parent_id IS NOT NULL
  ) SELECT id FROM vis_up`;

/**
 * A WHERE condition over a module aliased `m`: the module is visible to the person.
 * Pass `catalogReach` (reachOf(actor.grants, 'catalog.view')) to add what the
 * actor sees as a manager; it is the actor's reach, so pass it only when the
 * person is the actor or the caller wants the actor's view included.
 */
export function visibleModuleSql(personId: string, catalogReach?: Reach): SqlPart {
  const parts = [`m.owner_unit_id IN (${UNITS_ABOVE_PERSON})`];
  let params: Record<string, unknown> = { visPerson: personId };
  if (catalogReach?.any) {
    const r = reachSql(catalogReach, personId, { unitColumn: 'm.owner_unit_id' });
    parts.push(r.sql);
    params = { ...params, ...r.params };
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Whether the person may see the module (see visibleModuleSql); false for an unknown module. */
export function isModuleVisibleTo(db: Db, personId: string, moduleId: string, catalogReach?: Reach): boolean {
  const vis = visibleModuleSql(personId, catalogReach);
  const hit = db
    .prepare<Record<string, unknown>, number>(`SELECT 1 FROM module m WHERE m.id = @visModule AND ${vis.sql}`)
    .pluck()
    .get({ ...vis.params, visModule: moduleId });
  return hit === 1;
}
