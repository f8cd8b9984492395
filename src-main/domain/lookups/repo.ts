import type { LookupList } from '../../../shared/api/schemas/lookups.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface LookupDbRow {
  id: string;
  name: string;
  archived_at: string | null;
}

/** Table, person column and group-rule key per list; never built from user input. */
const LISTS = {
  department: { table: 'department', column: 'department_id', ruleKey: 'departmentIds' },
  job_title: { table: 'job_title', column: 'job_title_id', ruleKey: 'jobTitleIds' },
} as const satisfies Record<LookupList, unknown>;

export function lookupsRepo(db: Db, list: LookupList) {
  const { table, column, ruleKey } = LISTS[list];
  return {
    byId(id: string): LookupDbRow | undefined {
      return db
        .prepare<[string], LookupDbRow>(`SELECT id, name, archived_at FROM ${table} WHERE id = ?`)
        .get(id);
    },

    /** Names are unique without regard to case (the column collates NOCASE). */
    byName(name: string): LookupDbRow | undefined {
      return db
        .prepare<[string], LookupDbRow>(`SELECT id, name, archived_at FROM ${table} WHERE name = ?`)
        .get(name);
    },

    /** Rows with their active people, counted only within the reach given. */
    list(q: { reach: Reach; selfId: string; includeArchived: boolean; id?: string }) {
      const scope = reachSql(q.reach, q.selfId);
      const conds = [q.includeArchived ? '1' : 'l.archived_at IS NULL'];
      if (q.id) conds.push('l.id = @id');
      return db
        .prepare<Record<string, unknown>, LookupDbRow & { people_count: number }>(
          `SELECT l.id, l.name, l.archived_at, count(p.id) AS people_count
           FROM ${table} l LEFT JOIN person p ON p.${column} = l.id AND p.status = 'active' AND ${scope.sql}
           WHERE ${conds.join(' AND ')}
           GROUP BY l.id ORDER BY l.name COLLATE NOCASE`,
        )
        .all({ ...scope.params, id: q.id ?? null });
    },

    insert(id: string, name: string): void {
      db.prepare(`INSERT INTO ${table} (id, name) VALUES (?, ?)`).run(id, name);
    },

    rename(id: string, name: string): void {
      db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(name, id);
    },

    setArchived(id: string, at: string | null): void {
      db.prepare(`UPDATE ${table} SET archived_at = ? WHERE id = ?`).run(at, id);
    },

    /** Everyone filed under `fromId`, whatever their status, moves to `intoId`; returns how many. */
    movePeople(fromId: string, intoId: string, now: string): number {
      return db
        .prepare(`UPDATE person SET ${column} = ?, updated_at = ? WHERE ${column} = ?`)
        .run(intoId, now, fromId).changes;
    },

    /** Group rules naming `fromId` name `intoId` instead (once), so no rule is left pointing at nothing. */
    replaceInRules(fromId: string, intoId: string): number {
      return db
        .prepare(
          `UPDATE group_ SET rule = json_set(rule, '$.${ruleKey}', json((
             SELECT json_group_array(DISTINCT CASE value WHEN @from THEN @into ELSE value END)
             FROM json_each(group_.rule, '$.${ruleKey}'))))
           WHERE kind = 'rule' AND @from IN (SELECT value FROM json_each(group_.rule, '$.${ruleKey}'))`,
        )
        .run({ from: fromId, into: intoId }).changes;
    },

    delete(id: string): void {
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    },
  };
}
