import { expiryOf, latestCompletionExpiringBy, NEVER, statusSql } from '../../../shared/compliance/status.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { groupMemberSql } from '../groups/membership-repo.js';
import { reachSql, type SqlPart } from '../permissions/reach-sql.js';

/**
 * The compliance engine, as one SQL common table expression every read builds
 * on (person page, matrix, summary, attention list, CLI report, benchmark):
 *
 *   req    one row per (person, module) with a configuration item in force on
 *          the date, through a fulfilment covering the date: the strongest
 *          requirement, the shortest validity and earliest due date among the
 *          Required items (GROUP BY over the join).
 *   cell   + the latest completion on or before the date, one index seek per
 *          row on training_record(person_id, object_id, completion_date, …), its
 *          expiry (its own when a person set it, else completion + validity) and
 *          its status.
 *
 * The status is shared/compliance/status.ts's statusSql (the SQL form of statusOf, tested
 * against the same table), with the expiry cutoffs computed once per validity by the shared
 * TypeScript expiry rule (fb_expiring_by); fb_expiry gives the expiry date to reads that show it.
 * So counting, filtering, ordering and paging all happen in SQLite, with no JS call per cell.
 */

const registered = new WeakSet<Db>();

/** Registers fb_expiry(completion, months) and fb_expiring_by(day, months) once per connection. */
export function registerComplianceFunctions(db: Db): void {
  if (registered.has(db)) return;
  // Few distinct (date, months) pairs exist, so memoising makes date-fns's cost vanish on a big matrix.
  const expiries = new Map<string, string | null>();
  const expiry = (completion: unknown, months: unknown): string | null => {
    if (typeof completion !== 'string' || months === null || months === undefined) return null;
    const key = `${completion}|${String(months)}`;
    let v = expiries.get(key);
    if (v === undefined) {
      v = expiryOf(completion, Number(months));
      if (expiries.size > 100_000) expiries.clear();
      expiries.set(key, v);
    }
    return v;
  };
  db.function('fb_expiry', { deterministic: true }, expiry);
  // Called once per distinct validity (the cut CTE), never per cell.
  db.function('fb_expiring_by', { deterministic: true }, (day: unknown, months: unknown) =>
    latestCompletionExpiringBy(String(day), Number(months)),
  );
  registered.add(db);
}

/** Whose requirements to compute: always within a reach, optionally narrowed further. */
export interface EngineScope {
  reach: Reach;
  selfId: string;
  asOf: string;
  /** asOf + the warning window (expiringUntil). */
  until: string;
  personId?: string | undefined;
  /** A set of people (one statement for a list, e.g. a certificate re-check after a bulk result). */
  personIds?: readonly string[] | undefined;
  /** A unit and everything below it. */
  unitId?: string | undefined;
  /** Current members of a group. */
  groupId?: string | undefined;
  search?: string | undefined;
  moduleIds?: readonly string[] | undefined;
  /** Only Required rows (the matrix, reports); the person page also wants Optional and Hidden. */
  requiredOnly?: boolean;
}

const RANK = `CASE ci.requirement WHEN 'required' THEN 1 WHEN 'optional' THEN 2 ELSE 3 END`;
const ITEM_VALIDITY = 'coalesce(ci.validity_months, m.default_validity_months)';
/** A fulfilment covering @asOf, and an item version in force on @asOf (both ends: from inclusive, to exclusive). */
export const COVERS = `f.assigned_on <= @asOf AND (f.removed_on IS NULL OR f.removed_on > @asOf)`;
export const IN_FORCE = `ci.valid_from <= @asOf AND (ci.valid_to IS NULL OR ci.valid_to > @asOf)`;

/** A person_unit_history spell (alias pu) that includes @asOf. */
const SPELL_ON = `pu.from_date <= @asOf AND (pu.to_date IS NULL OR pu.to_date > @asOf)`;

/** The unit person `p` belonged to on @asOf (their current one when no spell says otherwise). */
export const UNIT_ON_AS_OF = `coalesce((SELECT pu.unit_id FROM person_unit_history pu
  WHERE pu.person_id = p.id AND ${SPELL_ON}), p.unit_id)`;

/** `WITH RECURSIVE … cell(person_id, module_id, rank, validity_months, due_date, last_completion, expiry_date, status)`. */
export function complianceCte(s: EngineScope): SqlPart {
  const scope = reachSql(s.reach, s.selfId, { person: 'p' });
  const conds = [scope.sql, '(p.left_on IS NULL OR p.left_on > @asOf)'];
  const params: Record<string, unknown> = { ...scope.params, asOf: s.asOf, until: s.until };
  if (s.personId) {
    conds.push('p.id = @personId');
    params.personId = s.personId;
  }
  if (s.personIds) {
    conds.push('p.id IN (SELECT value FROM json_each(@personIds))');
    params.personIds = JSON.stringify(s.personIds);
  }
  if (s.unitId) {
    // Who was in the subtree on the date (person_unit_history), not who is there today.
    conds.push(`p.id IN (SELECT pu.person_id FROM person_unit_history pu WHERE ${SPELL_ON} AND pu.unit_id IN (
        WITH RECURSIVE sub(id) AS (SELECT @unitId UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
        SELECT id FROM sub))`);
    params.unitId = s.unitId;
  }
  if (s.groupId) {
    const g = groupMemberSql(s.groupId, { person: 'p', param: 'filterGroupId' });
    conds.push(g.sql);
    Object.assign(params, g.params);
  }
  if (s.search) {
    conds.push(searchSql(["p.first_name || ' ' || p.last_name", 'p.email']));
    params.search = searchParam(s.search);
  }
  if (s.moduleIds) params.moduleIds = JSON.stringify(s.moduleIds);
  const byRank = (r: number, expr: string) => `MIN(CASE WHEN ${RANK} = ${r} THEN ${expr} END)`;
  const itemConds = [IN_FORCE];
  if (s.moduleIds) itemConds.push('ci.module_id IN (SELECT value FROM json_each(@moduleIds))');
  if (s.requiredOnly) itemConds.push(`ci.requirement = 'required'`);
  const sql = `WITH RECURSIVE
    -- Items in force, folded per configuration and module first (a few rows), so the big join below
    -- does one cheap row per (fulfilment, module) instead of evaluating every item's rules per person.
    items AS MATERIALIZED (
      SELECT ci.configuration_id, ci.module_id, MIN(${RANK}) AS rank,
        ${byRank(1, ITEM_VALIDITY)} AS v1, ${byRank(2, ITEM_VALIDITY)} AS v2, ${byRank(3, ITEM_VALIDITY)} AS v3,
        MIN(CASE WHEN ci.requirement = 'required' AND ci.due_kind = 'fixed' THEN ci.due_date END) AS fixed_due,
        MIN(CASE WHEN ci.requirement = 'required' AND ci.due_kind = 'after_joining' THEN ci.due_days END) AS due_days
      FROM configuration_item ci JOIN module m ON m.id = ci.module_id
      WHERE ${itemConds.join(' AND ')}
      GROUP BY ci.configuration_id, ci.module_id
    ),
    req AS (
      SELECT f.person_id, i.module_id, MIN(i.rank) AS rank, MIN(i.v1) AS v1, MIN(i.v2) AS v2, MIN(i.v3) AS v3,
        MIN(CASE WHEN i.due_days IS NULL THEN i.fixed_due
          ELSE min(coalesce(i.fixed_due, '9999-12-31'), date(f.assigned_on, '+' || i.due_days || ' days')) END)
          AS due_date
      FROM person p
      JOIN fulfilment f ON f.person_id = p.id AND ${COVERS}
      JOIN items i ON i.configuration_id = f.configuration_id
      WHERE ${conds.join(' AND ')}
      GROUP BY f.person_id, i.module_id
      -- Free after the GROUP BY, and it lets a per-person grouping downstream stream instead of sorting again.
      ORDER BY f.person_id, i.module_id
    ),
    -- Each layer ends in LIMIT -1 so SQLite runs it as a co-routine instead of flattening it into the
    -- next: flattened, the seek and the functions would run again for every later mention of their column.
    -- The latest completion on or before @asOf, packed with its own expiry when a person set one
    -- (one backward seek on the covering index; on a tie the record with its own expiry wins).
    latest AS (
      SELECT person_id, module_id, rank, CASE rank WHEN 1 THEN v1 WHEN 2 THEN v2 ELSE v3 END AS validity_months,
        due_date,
        (SELECT tr.completion_date || CASE WHEN tr.expiry_fixed = 1 THEN coalesce(tr.expiry_date, '${NEVER}')
            ELSE '' END
          FROM training_record tr
          WHERE tr.person_id = req.person_id AND tr.object_id = req.module_id AND tr.completion_date <= @asOf
          ORDER BY tr.completion_date DESC, tr.expiry_fixed DESC, tr.expiry_date DESC LIMIT 1) AS packed
      FROM req ORDER BY person_id, module_id LIMIT -1
    ),
    done AS (
      SELECT person_id, module_id, rank, validity_months, due_date, substr(packed, 1, 10) AS last_completion,
        nullif(substr(packed, 11), '') AS fixed_expiry
      FROM latest ORDER BY person_id, module_id LIMIT -1
    ),
    -- Per validity among the Required items, the last completion dates that have expired by @asOf and
    -- by @until: the status is then string comparisons in SQL instead of a JavaScript call per cell.
    cut AS MATERIALIZED (
      SELECT v1 AS months, fb_expiring_by(@asOf, v1) AS expired_up_to, fb_expiring_by(@until, v1) AS expiring_up_to
      FROM (SELECT DISTINCT v1 FROM items WHERE v1 IS NOT NULL)
    ),
    judged AS (
      SELECT done.*, ${statusSql({
        required: 'done.rank = 1',
        lastCompletion: 'done.last_completion',
        validityMonths: 'done.validity_months',
        dueDate: 'done.due_date',
        asOf: '@asOf',
        expiredUpTo: 'cut.expired_up_to',
        expiringUpTo: 'cut.expiring_up_to',
        fixedExpiry: 'done.fixed_expiry',
        until: '@until',
      })} AS status
      FROM done LEFT JOIN cut ON cut.months = done.validity_months AND done.rank = 1
      ORDER BY done.person_id, done.module_id LIMIT -1
    ),
    -- Not a co-routine: the expiry is only computed by the reads that show it (the matrix does not).
    cell AS (
      SELECT judged.*, CASE WHEN fixed_expiry IS NOT NULL THEN nullif(fixed_expiry, '${NEVER}')
          WHEN last_completion IS NOT NULL AND validity_months IS NOT NULL
          THEN fb_expiry(last_completion, validity_months) END AS expiry_date
      FROM judged
    )`;
  return { sql, params };
}

export const REQUIREMENTS = ['required', 'optional', 'hidden'] as const;
export type RequirementName = (typeof REQUIREMENTS)[number];
/** rank (1, 2, 3) → requirement name. */
export const requirementOfRank = (rank: number): RequirementName => REQUIREMENTS[rank - 1] ?? 'hidden';
