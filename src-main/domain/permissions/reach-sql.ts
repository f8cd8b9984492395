import type { Reach } from '../../../shared/permissions/scope.js';

export interface SqlPart {
  sql: string;
  params: Record<string, unknown>;
}

/** The units inside an organisation, not descending into client organisations below it. */
const ORG_UNITS = `WITH RECURSIVE org_units(id) AS (
    SELECT value FROM json_each(@reachOrgs)
    UNION SELECT u.id FROM unit u JOIN org_units o ON u.parent_id = o.id WHERE u.kind <> 'client'
  ) SELECT id FROM org_units`;

const SUBTREE_UNITS = (param: string) => `WITH RECURSIVE sub(id) AS (
    SELECT value FROM json_each(@${param})
    UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
  ) SELECT id FROM sub`;

const REPORTS = `WITH RECURSIVE reports(id) AS (
    SELECT id FROM person WHERE manager_id = @reachSelf
    UNION SELECT p2.id FROM person p2 JOIN reports r ON p2.manager_id = r.id
  ) SELECT id FROM reports`;

/**
 * The SQL that keeps a list to what a reach covers, over a person table aliased
 * `p` (or, with `unitColumn`, over any row that has a unit). The whole filter runs
 * in SQLite: nobody's list is built by loading everyone and filtering in JS.
 */
export function reachSql(
  reach: Reach,
  selfId: string,
  opts: { person?: string; unitColumn?: string } = {},
): SqlPart {
  if (!reach.any) return { sql: '0', params: {} };
  const person = opts.person ?? 'p';
  const unitCol = opts.unitColumn ?? `${person}.unit_id`;
  const parts: string[] = [];
  const params: Record<string, unknown> = { reachSelf: selfId };
  if (reach.self && !opts.unitColumn) parts.push(`${person}.id = @reachSelf`);
  if (reach.subordinates && !opts.unitColumn) parts.push(`${person}.id IN (${REPORTS})`);
  if (reach.units.length) {
    parts.push(`${unitCol} IN (SELECT value FROM json_each(@reachUnits))`);
    params.reachUnits = JSON.stringify(reach.units);
  }
  if (reach.subtrees.length) {
    parts.push(`${unitCol} IN (${SUBTREE_UNITS('reachSubtrees')})`);
    params.reachSubtrees = JSON.stringify(reach.subtrees);
  }
  if (reach.organisations.length) {
    parts.push(`${unitCol} IN (${ORG_UNITS})`);
    params.reachOrgs = JSON.stringify(reach.organisations);
  }
  if (reach.organisationTrees.length) {
    parts.push(`${unitCol} IN (${SUBTREE_UNITS('reachOrgTrees')})`);
    params.reachOrgTrees = JSON.stringify(reach.organisationTrees);
  }
  return { sql: parts.length ? `(${parts.join(' OR ')})` : '0', params };
}
