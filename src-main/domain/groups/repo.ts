import { searchParam, searchSql } from '../../db/text-search.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql, type SqlPart } from '../permissions/reach-sql.js';
import { groupMemberSql, type StoredRule } from './membership-repo.js';

export interface GroupDbRow {
  id: string;
  name: string;
  description: string | null;
  kind: 'static' | 'rule';
  rule: string | null;
  owner_unit_id: string;
  owner_name: string;
}

export interface MemberDbRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  unit_name: string;
}

const SELECT_GROUP = `SELECT g.id, g.name, g.description, g.kind, g.rule, g.owner_unit_id, u.name AS owner_name
  FROM group_ g JOIN unit u ON u.id = g.owner_unit_id`;

export function groupsRepo(db: Db) {
  /** People (alias p) matching `filter`, within `reach`: a count and a page, by name. */
  function people(
    filter: SqlPart,
    q: { reach: Reach; selfId: string; search?: string | undefined; offset: number; limit: number },
  ) {
    const scope = reachSql(q.reach, q.selfId);
    const conds = [filter.sql, scope.sql];
    const params: Record<string, unknown> = {
      ...filter.params,
      ...scope.params,
      limit: q.limit,
      offset: q.offset,
    };
    if (q.search) {
      conds.push(searchSql(["p.first_name || ' ' || p.last_name", 'p.email']));
      params.search = searchParam(q.search);
    }
    const where = conds.join(' AND ');
    const rows = db
      .prepare<Record<string, unknown>, MemberDbRow>(
        `SELECT p.id, p.first_name, p.last_name, p.email, u.name AS unit_name
         FROM person p JOIN unit u ON u.id = p.unit_id WHERE ${where}
         ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id
         LIMIT @limit OFFSET @offset`,
      )
      .all(params);
    const total = db
      .prepare<Record<string, unknown>, number>(`SELECT count(*) FROM person p WHERE ${where}`)
      .pluck()
      .get(params);
    return { rows, total: total ?? 0 };
  }

  return {
    byId(id: string): GroupDbRow | undefined {
      return db.prepare<[string], GroupDbRow>(`${SELECT_GROUP} WHERE g.id = ?`).get(id);
    },

    /** Group names are unique without regard to case. */
    byName(name: string): GroupDbRow | undefined {
      return db.prepare<[string], GroupDbRow>(`${SELECT_GROUP} WHERE g.name = ?`).get(name);
    },

    /** Groups whose owner unit lies within the reach. */
    page(q: { reach: Reach; selfId: string; search?: string | undefined; offset: number; limit: number }) {
      const scope = reachSql(q.reach, q.selfId, { unitColumn: 'g.owner_unit_id' });
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      if (q.search) {
        conds.push(searchSql(['g.name', 'g.description']));
        params.search = searchParam(q.search);
      }
      const where = conds.join(' AND ');
      const rows = db
        .prepare<Record<string, unknown>, GroupDbRow>(
          `${SELECT_GROUP} WHERE ${where} ORDER BY g.name COLLATE NOCASE LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total = db
        .prepare<Record<string, unknown>, number>(`SELECT count(*) FROM group_ g WHERE ${where}`)
        .pluck()
        .get(params);
      return { rows, total: total ?? 0 };
    },

    members(groupId: string, q: Parameters<typeof people>[1]) {
      return people(groupMemberSql(groupId), q);
    },

    matching(filter: SqlPart, q: Parameters<typeof people>[1]) {
      return people(filter, q);
    },

    /**
     * Picked people of a static group that the actor does not see in the editor
     * (outside their reach, or left): saving the editor must not drop them.
     */
    hiddenMemberIds(groupId: string, reach: Reach, selfId: string): string[] {
      const scope = reachSql(reach, selfId);
      return db
        .prepare<Record<string, unknown>, string>(
          `SELECT p.id FROM group_member gm JOIN person p ON p.id = gm.person_id
           WHERE gm.group_id = @groupId AND NOT (p.status = 'active' AND ${scope.sql})`,
        )
        .pluck()
        .all({ ...scope.params, groupId });
    },

    /** The people named by id, with whether each is active and within the reach. */
    peopleById(ids: string[], reach: Reach, selfId: string) {
      const scope = reachSql(reach, selfId);
      return db
        .prepare<
          Record<string, unknown>,
          { id: string; name: string; status: 'active' | 'left'; in_reach: number }
        >(
          `SELECT p.id, p.first_name || ' ' || p.last_name AS name, p.status, (${scope.sql}) AS in_reach
           FROM person p WHERE p.id IN (SELECT value FROM json_each(@ids))`,
        )
        .all({ ...scope.params, ids: JSON.stringify(ids) });
    },

    /** Names of the rows of `table` with these ids (unknown ids are simply absent). */
    named(table: 'unit' | 'department' | 'job_title', ids: string[]): Map<string, string> {
      const rows = db
        .prepare<[string], { id: string; name: string }>(
          `SELECT id, name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    insert(g: {
      id: string;
      name: string;
      description: string | null;
      kind: 'static' | 'rule';
      rule: StoredRule | null;
      ownerUnitId: string;
      now: string;
    }): void {
      db.prepare(
        `INSERT INTO group_ (id, name, description, kind, rule, owner_unit_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        g.id,
        g.name,
        g.description,
        g.kind,
        g.rule && JSON.stringify(g.rule),
        g.ownerUnitId,
        g.now,
        g.now,
      );
    },

    update(
      id: string,
      g: {
        name: string;
        description: string | null;
        rule: StoredRule | null;
        ownerUnitId: string;
        now: string;
      },
    ): void {
      db.prepare(
        'UPDATE group_ SET name = ?, description = ?, rule = ?, owner_unit_id = ?, updated_at = ? WHERE id = ?',
      ).run(g.name, g.description, g.rule && JSON.stringify(g.rule), g.ownerUnitId, g.now, id);
    },

    memberIds(groupId: string): string[] {
      return db
        .prepare<[string], string>('SELECT person_id FROM group_member WHERE group_id = ?')
        .pluck()
        .all(groupId);
    },

    setMembers(groupId: string, personIds: string[]): void {
      db.prepare('DELETE FROM group_member WHERE group_id = ?').run(groupId);
      const add = db.prepare('INSERT INTO group_member (group_id, person_id) VALUES (?, ?)');
      for (const p of new Set(personIds)) add.run(groupId, p);
    },

    delete(id: string): void {
      db.prepare('DELETE FROM group_ WHERE id = ?').run(id);
    },
  };
}
