import type { Db } from '../../db/open.js';
import { groupMemberSql } from '../groups/membership-repo.js';
import type { SqlPart } from '../permissions/reach-sql.js';

/** A random UUID (v4 layout) made in SQL, for rows inserted set-based (many at once). */
export const SQL_UUID = `(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;

export interface TargetRow {
  id: string;
  target_type: 'person' | 'group' | 'unit';
  target_id: string;
  archived_at: string | null;
}

/**
 * "Person `p` is covered by this target now", as SQL over a person table aliased
 * `p`: a unit target covers the active people anywhere in the unit's subtree; a
 * group target the group's current members (static picks or whoever its rule
 * matches, via the groups module's own definition); a person target that person
 * while active. Params are prefixed `tg` to stay clear of other filters'.
 */
export function coveredSql(target: { target_type: string; target_id: string }, p = 'p'): SqlPart {
  switch (target.target_type) {
    case 'unit':
      return {
        sql: `(${p}.status = 'active' AND ${p}.unit_id IN (
          WITH RECURSIVE tg_sub(id) AS (
            SELECT @tgTarget UNION SELECT u.id FROM unit u JOIN tg_sub ON u.parent_id = tg_sub.id
          ) SELECT id FROM tg_sub))`,
        params: { tgTarget: target.target_id },
      };
    case 'group':
      return groupMemberSql(target.target_id, { person: p, param: 'tgTarget' });
    case 'person':
      return {
        sql: `(${p}.status = 'active' AND ${p}.id = @tgTarget)`,
        params: { tgTarget: target.target_id },
      };
    default:
      return { sql: '0', params: {} };
  }
}

/** The SQL that keeps `fulfilment` in step with who a configuration covers. */
export function fulfilmentRepo(db: Db) {
  return {
    target(configurationId: string): TargetRow | undefined {
      return db
        .prepare<[string], TargetRow>(
          'SELECT id, target_type, target_id, archived_at FROM training_configuration WHERE id = ?',
        )
        .get(configurationId);
    },

    allTargets(): TargetRow[] {
      return db
        .prepare<[], TargetRow>('SELECT id, target_type, target_id, archived_at FROM training_configuration')
        .all();
    },

    /** Configurations targeting a group (its members changed). */
    groupConfigurationIds(groupId: string): string[] {
      return db
        .prepare<[string], string>(
          "SELECT id FROM training_configuration WHERE target_type = 'group' AND target_id = ?",
        )
        .pluck()
        .all(groupId);
    },

    /**
     * Opens a fulfilment (assigned today) for everyone the configuration covers who
     * has none open, and closes (removed today) the open ones of people it no longer
     * covers. An archived configuration covers nobody. `personId` limits both to one person.
     */
    sync(c: TargetRow, today: string, personId?: string): { added: number; removed: number } {
      const covered = c.archived_at ? { sql: '0', params: {} } : coveredSql(c);
      const onePerson = personId ? 'AND p.id = @person' : '';
      const params = { ...covered.params, config: c.id, today, ...(personId ? { person: personId } : {}) };
      const added = db
        .prepare(
          `INSERT INTO fulfilment (id, configuration_id, person_id, assigned_on)
           SELECT ${SQL_UUID}, @config, p.id, @today FROM person p
           WHERE ${covered.sql} ${onePerson}
             AND NOT EXISTS (SELECT 1 FROM fulfilment f
                             WHERE f.configuration_id = @config AND f.person_id = p.id AND f.removed_on IS NULL)`,
        )
        .run(params).changes;
      const removed = db
        .prepare(
          // max(): a clock set back (or --today in the past) must not end a row before it began.
          `UPDATE fulfilment SET removed_on = max(assigned_on, @today)
           WHERE configuration_id = @config AND removed_on IS NULL
             ${personId ? 'AND person_id = @person' : ''}
             AND person_id NOT IN (SELECT p.id FROM person p WHERE ${covered.sql} ${onePerson})`,
        )
        .run(params).changes;
      return { added, removed };
    },

    /** The configurations that might cover a person, or did: to sync only those for one person. */
    configurationsForPerson(personId: string, groupIds: readonly string[]): TargetRow[] {
      return db
        .prepare<{ person: string; groups: string }, TargetRow>(
          `WITH RECURSIVE chain(id) AS (
             SELECT unit_id FROM person WHERE id = @person
             UNION SELECT u.parent_id FROM unit u JOIN chain ON u.id = chain.id WHERE u.parent_id IS NOT NULL
           )
           SELECT c.id, c.target_type, c.target_id, c.archived_at FROM training_configuration c
           WHERE (c.target_type = 'unit' AND c.target_id IN (SELECT id FROM chain))
              OR (c.target_type = 'person' AND c.target_id = @person)
              OR (c.target_type = 'group' AND c.target_id IN (SELECT value FROM json_each(@groups)))
              OR c.id IN (SELECT configuration_id FROM fulfilment WHERE person_id = @person AND removed_on IS NULL)`,
        )
        .all({ person: personId, groups: JSON.stringify(groupIds) });
    },

    /** People a target covers now: a count and a few names within `scope` (a filter over `p`). */
    coveredPeople(target: { target_type: string; target_id: string }, scope: SqlPart, limit: number) {
      const covered = coveredSql(target);
      const params = { ...covered.params, ...scope.params, limit };
      const count =
        db
          .prepare<Record<string, unknown>, number>(`SELECT count(*) FROM person p WHERE ${covered.sql}`)
          .pluck()
          .get(params) ?? 0;
      const sample = db
        .prepare<Record<string, unknown>, { id: string; name: string }>(
          `SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM person p
           WHERE ${covered.sql} AND ${scope.sql}
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT @limit`,
        )
        .all(params);
      return { count, sample };
    },

    /** Records the day a person left the organisation (null when they come back). */
    setLeftOn(personId: string, date: string | null): void {
      db.prepare('UPDATE person SET left_on = ? WHERE id = ?').run(date, personId);
    },
  };
}
