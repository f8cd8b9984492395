import type { Db } from '../../db/open.js';
import type { SqlPart } from '../permissions/reach-sql.js';

/** A rule as stored in group_.rule: every list present, possibly empty. */
export interface StoredRule {
  unitIds: string[];
  departmentIds: string[];
  jobTitleIds: string[];
}

/** SQL expressions giving each list as JSON text, and the owner unit (null: no owner limit). */
interface RuleSource {
  unitIds: string;
  departmentIds: string;
  jobTitleIds: string;
  owner: string | null;
}

/**
 * A person (alias `p`) matches a rule when every non-empty list matches: their
 * unit lies in one of the unit subtrees, their department and job title are
 * among those named. A rule group also only ever holds people at or below its
 * owner unit, within that unit's organisation (not descending into client
 * organisations): a site manager's "all welders" means the welders of their site.
 * The subtrees are computed once per statement (the subqueries are uncorrelated),
 * so listing members of a large organisation stays one indexed pass over people.
 */
function ruleMatchSql(src: RuleSource, p: string): string {
  const listMatches = (list: string, column: string) =>
    `(json_array_length(${list}) = 0 OR ${p}.${column} IN (SELECT value FROM json_each(${list})))`;
  const parts = [
    `(json_array_length(${src.unitIds}) = 0 OR ${p}.unit_id IN (
       WITH RECURSIVE rule_units(id) AS (
         SELECT value FROM json_each(${src.unitIds})
         UNION SELECT u.id FROM unit u JOIN rule_units r ON u.parent_id = r.id
       ) SELECT id FROM rule_units))`,
    listMatches(src.departmentIds, 'department_id'),
    listMatches(src.jobTitleIds, 'job_title_id'),
  ];
  if (src.owner !== null)
    parts.unshift(`${p}.unit_id IN (
       WITH RECURSIVE owner_units(id) AS (
         SELECT ${src.owner}
         UNION SELECT u.id FROM unit u JOIN owner_units o ON u.parent_id = o.id WHERE u.kind <> 'client'
       ) SELECT id FROM owner_units)`);
  return parts.join(' AND ');
}

/**
 * The condition "person `p` is a member of the group bound to @groupId": the
 * picked people of a static group, or whoever the rule of a rule group matches
 * right now (so membership follows people as they move, change department or
 * job title). Only active people are members; a static group keeps those who
 * left, and they count again if they come back.
 */
export function groupMemberSql(groupId: string, opts: { person?: string; param?: string } = {}): SqlPart {
  const p = opts.person ?? 'p';
  const g = `@${opts.param ?? 'groupId'}`;
  const stored = (key: keyof StoredRule) =>
    `(SELECT json_extract(rule, '$.${key}') FROM group_ WHERE id = ${g})`;
  const rule = ruleMatchSql(
    {
      unitIds: stored('unitIds'),
      departmentIds: stored('departmentIds'),
      jobTitleIds: stored('jobTitleIds'),
      owner: `(SELECT owner_unit_id FROM group_ WHERE id = ${g})`,
    },
    p,
  );
  return {
    sql: `(${p}.status = 'active' AND (
      ${p}.id IN (SELECT gm.person_id FROM group_member gm
                  WHERE gm.group_id = ${g} AND (SELECT kind FROM group_ WHERE id = ${g}) = 'static')
      OR ((SELECT kind FROM group_ WHERE id = ${g}) = 'rule' AND ${rule})))`,
    params: { [opts.param ?? 'groupId']: groupId },
  };
}

/** The same condition for a rule not saved yet (the editor's live preview). */
export function ruleMemberSql(
  rule: StoredRule,
  ownerUnitId: string | null,
  opts: { person?: string } = {},
): SqlPart {
  const p = opts.person ?? 'p';
  return {
    sql: `(${p}.status = 'active' AND ${ruleMatchSql(
      {
        unitIds: '@ruleUnitIds',
        departmentIds: '@ruleDepartmentIds',
        jobTitleIds: '@ruleJobTitleIds',
        owner: ownerUnitId === null ? null : '@ruleOwnerId',
      },
      p,
    )})`,
    params: {
      ruleUnitIds: JSON.stringify(rule.unitIds),
      ruleDepartmentIds: JSON.stringify(rule.departmentIds),
      ruleJobTitleIds: JSON.stringify(rule.jobTitleIds),
      ...(ownerUnitId === null ? {} : { ruleOwnerId: ownerUnitId }),
    },
  };
}

/**
 * Every group a person belongs to now, static or rule, by name. One query: the
 * person's unit chain (up to their organisation) decides unit and owner matches.
 */
export function groupsOfPerson(db: Db, personId: string): { id: string; name: string }[] {
  return db
    .prepare<{ person: string }, { id: string; name: string }>(
      `WITH RECURSIVE chain(id, kind, parent_id, depth) AS (
         SELECT u.id, u.kind, u.parent_id, 0 FROM unit u JOIN person p ON p.unit_id = u.id WHERE p.id = @person
         UNION ALL SELECT u.id, u.kind, u.parent_id, c.depth + 1 FROM unit u JOIN chain c ON u.id = c.parent_id
       ),
       -- Owners count up to the nearest organisation or client: a rule owned above a
       -- client organisation does not reach into it.
       org_chain(id) AS (
         SELECT id FROM chain WHERE depth <= coalesce(
           (SELECT min(depth) FROM chain WHERE kind IN ('organisation', 'client')), 1000000)
       )
       SELECT g.id, g.name FROM group_ g JOIN person p ON p.id = @person AND p.status = 'active'
       WHERE (g.kind = 'static' AND EXISTS (
                SELECT 1 FROM group_member gm WHERE gm.group_id = g.id AND gm.person_id = p.id))
          OR (g.kind = 'rule' AND g.owner_unit_id IN (SELECT id FROM org_chain)
              AND (json_array_length(g.rule, '$.unitIds') = 0 OR EXISTS (
                SELECT 1 FROM json_each(g.rule, '$.unitIds') j WHERE j.value IN (SELECT id FROM chain)))
              AND (json_array_length(g.rule, '$.departmentIds') = 0
                OR p.department_id IN (SELECT value FROM json_each(g.rule, '$.departmentIds')))
              AND (json_array_length(g.rule, '$.jobTitleIds') = 0
                OR p.job_title_id IN (SELECT value FROM json_each(g.rule, '$.jobTitleIds'))))
       ORDER BY g.name COLLATE NOCASE`,
    )
    .all({ person: personId });
}
