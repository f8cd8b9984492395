import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql } from '../permissions/reach-sql.js';
import type { PersonDbRow } from './repo.js';

/** A person as the importer compares them: the stored fields, without secrets, and their rank. */
export type KnownPerson = Omit<
  PersonDbRow,
  'password_hash' | 'pin_hash' | 'failed_signins' | 'locked_until' | 'created_at' | 'updated_at'
> & {
  /** The highest rank among their explicit grants (0 with none), for the rank rule. */
  rank: number;
};

const KNOWN = `p.id, p.email, p.username, p.first_name, p.last_name, p.employee_no, p.unit_id, p.department_id,
  p.job_title_id, p.manager_id, p.status,
  coalesce((SELECT max(r.rank) FROM grant_ g JOIN role r ON r.id = g.role_id WHERE g.person_id = p.id), 0) AS rank`;

const list = (values: Iterable<string>) => JSON.stringify([...values]);

/**
 * The bulk look-ups of a people import: a handful of set-based queries per
 * file (JSON arrays through json_each), never one query per row.
 */
export function importRepo(db: Db) {
  return {
    /** People with these emails (the file's rows and managers); email collates NOCASE. */
    byEmails(emails: Iterable<string>): KnownPerson[] {
      return db
        .prepare<[string], KnownPerson>(
          `SELECT ${KNOWN} FROM person p WHERE p.email IN (SELECT value FROM json_each(?))`,
        )
        .all(list(emails));
    },

    /** People whose username is one of these values (a new person's username is their email). */
    usernameHolders(values: Iterable<string>): { id: string; username: string }[] {
      return db
        .prepare<[string], { id: string; username: string }>(
          'SELECT id, username FROM person WHERE username IN (SELECT value FROM json_each(?))',
        )
        .all(list(values));
    },

    employeeNoHolders(values: Iterable<string>): { id: string; employee_no: string }[] {
      return db
        .prepare<[string], { id: string; employee_no: string }>(
          'SELECT id, employee_no FROM person WHERE employee_no IN (SELECT value FROM json_each(?))',
        )
        .all(list(values));
    },

    /** Everyone above these people in the reporting line, with their own managers: enough to find loops. */
    chainsAbove(
      ids: Iterable<string>,
    ): { id: string; email: string; name: string; manager_id: string | null }[] {
      return db
        .prepare<[string], { id: string; email: string; name: string; manager_id: string | null }>(
          `WITH RECURSIVE up(id) AS (
             SELECT manager_id FROM person WHERE id IN (SELECT value FROM json_each(?)) AND manager_id IS NOT NULL
             UNION SELECT p.manager_id FROM person p JOIN up ON p.id = up.id WHERE p.manager_id IS NOT NULL
           ) SELECT p.id, p.email, p.first_name || ' ' || p.last_name AS name, p.manager_id
             FROM up JOIN person p ON p.id = up.id`,
        )
        .all(list(ids));
    },

    /** Which of these people the reach covers (checked in SQL, by the same rules as every list). */
    inReach(ids: Iterable<string>, reach: Reach, selfId: string): Set<string> {
      const scope = reachSql(reach, selfId);
      return new Set(
        db
          .prepare<Record<string, unknown>, string>(
            `SELECT p.id FROM person p WHERE p.id IN (SELECT value FROM json_each(@ids)) AND ${scope.sql}`,
          )
          .pluck()
          .all({ ...scope.params, ids: list(ids) }),
      );
    },

    unitsInReach(reach: Reach, selfId: string): Set<string> {
      const scope = reachSql(reach, selfId, { unitColumn: 'u.id' });
      return new Set(
        db
          .prepare<Record<string, unknown>, string>(`SELECT u.id FROM unit u WHERE ${scope.sql}`)
          .pluck()
          .all(scope.params),
      );
    },

    /** Active people the reach covers: those missing from the file are the candidates for deactivation. */
    activeInReach(reach: Reach, selfId: string): KnownPerson[] {
      const scope = reachSql(reach, selfId);
      return db
        .prepare<Record<string, unknown>, KnownPerson>(
          `SELECT ${KNOWN} FROM person p WHERE p.status = 'active' AND ${scope.sql}`,
        )
        .all(scope.params);
    },
  };
}
