import type Database from 'better-sqlite3';
import type { Db } from '../../db/open.js';

export interface PersonDbRow {
  id: string;
  email: string;
  username: string;
  first_name: string;
  last_name: string;
  employee_no: string | null;
  unit_id: string;
  department_id: string | null;
  job_title_id: string | null;
  manager_id: string | null;
  status: 'active' | 'left';
  password_hash: string | null;
  pin_hash: string | null;
  failed_signins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewPerson {
  id: string;
  email: string;
  username?: string;
  firstName: string;
  lastName: string;
  employeeNo?: string | null;
  unitId: string;
  departmentId?: string | null;
  jobTitleId?: string | null;
  managerId?: string | null;
  status?: 'active' | 'left';
  passwordHash?: string | null;
  now: string;
}

/** The profile fields a change may touch, by column. */
export interface PersonChanges {
  email?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  employee_no?: string | null;
  unit_id?: string;
  department_id?: string | null;
  job_title_id?: string | null;
  manager_id?: string | null;
  status?: 'active' | 'left';
}

const CHANGEABLE: readonly (keyof PersonChanges)[] = [
  'email',
  'username',
  'first_name',
  'last_name',
  'employee_no',
  'unit_id',
  'department_id',
  'job_title_id',
  'manager_id',
  'status',
];

type Statement = Database.Statement<unknown[]>;

export function peopleRepo(db: Db) {
  // Statements are prepared once per repo, so an import that writes 10,000 rows compiles each SQL once.
  const statements = new Map<string, Statement>();
  const stmt = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  /**
   * Starts a spell in `unitId` on `day` (the unit history compliance filters by as of a date).
   * A second move on the same day replaces that day's spell instead of leaving an empty one.
   */
  const movedTo = (id: string, unitId: string, day: string): void => {
    const open = stmt(
      `SELECT unit_id, from_date FROM person_unit_history WHERE person_id = ? AND to_date IS NULL`,
    ).get(id) as { unit_id: string; from_date: string } | undefined;
    if (open?.unit_id === unitId) return;
    if (open && open.from_date >= day)
      stmt(`DELETE FROM person_unit_history WHERE person_id = ? AND from_date = ?`).run(id, open.from_date);
    else if (open)
      stmt(`UPDATE person_unit_history SET to_date = ? WHERE person_id = ? AND to_date IS NULL`).run(day, id);
    const last = stmt(
      `SELECT unit_id, from_date FROM person_unit_history WHERE person_id = ? AND to_date = ?`,
    ).get(id, day) as { unit_id: string; from_date: string } | undefined;
    // Moved and moved back the same day: the earlier spell simply goes on.
    if (last?.unit_id === unitId)
      stmt(`UPDATE person_unit_history SET to_date = NULL WHERE person_id = ? AND from_date = ?`).run(
        id,
        last.from_date,
      );
    else
      stmt(`INSERT INTO person_unit_history (person_id, unit_id, from_date) VALUES (?, ?, ?)`).run(
        id,
        unitId,
        day,
      );
  };

  return {
    byLogin(login: string): PersonDbRow | undefined {
      return db
        .prepare<[string, string], PersonDbRow>(
          'SELECT * FROM person WHERE email = ? OR username = ? LIMIT 1',
        )
        .get(login, login);
    },

    byId(id: string): PersonDbRow | undefined {
      return db.prepare<[string], PersonDbRow>('SELECT * FROM person WHERE id = ?').get(id);
    },

    /** Who already holds a unique value (the columns collate NOCASE), other than `exceptId`. */
    holderOf(
      column: 'email' | 'username' | 'employee_no',
      value: string,
      exceptId = '',
    ): PersonDbRow | undefined {
      return db
        .prepare<[string, string], PersonDbRow>(
          `SELECT * FROM person WHERE ${column} = ? AND id <> ? LIMIT 1`,
        )
        .get(value, exceptId);
    },

    insert(p: NewPerson): void {
      stmt(
        `INSERT INTO person (id, email, username, first_name, last_name, employee_no, unit_id, department_id,
           job_title_id, manager_id, status, password_hash, created_at, updated_at)
         VALUES (@id, @email, @username, @firstName, @lastName, @employeeNo, @unitId, @departmentId,
           @jobTitleId, @managerId, @status, @passwordHash, @now, @now)`,
      ).run({
        employeeNo: null,
        departmentId: null,
        jobTitleId: null,
        managerId: null,
        status: 'active',
        passwordHash: null,
        ...p,
        username: p.username ?? p.email,
      });
    },

    /** Writes only the given columns (one cached statement per set of columns). */
    update(id: string, changes: PersonChanges, now: string): void {
      const cols = CHANGEABLE.filter((c) => c in changes);
      if (cols.length === 0) return;
      stmt(
        `UPDATE person SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
      ).run({ ...changes, id, now });
      if (changes.unit_id !== undefined) movedTo(id, changes.unit_id, now.slice(0, 10));
    },

    movedTo,

    recordFailedSignIn(id: string, failed: number, lockedUntil: string | null, now: string): void {
      db.prepare('UPDATE person SET failed_signins = ?, locked_until = ?, updated_at = ? WHERE id = ?').run(
        failed,
        lockedUntil,
        now,
        id,
      );
    },

    resetFailedSignIns(id: string): void {
      db.prepare('UPDATE person SET failed_signins = 0, locked_until = NULL WHERE id = ?').run(id);
    },

    setStatus(id: string, status: 'active' | 'left', now: string): void {
      stmt('UPDATE person SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    },

    setPasswordHash(id: string, hash: string, now: string): void {
      db.prepare('UPDATE person SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, id);
    },

    /** An administrator's reset: new password, and the lockout from failed attempts lifted. */
    resetPassword(id: string, hash: string, now: string): void {
      db.prepare(
        'UPDATE person SET password_hash = ?, failed_signins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
      ).run(hash, now, id);
    },

    setPinHash(id: string, hash: string | null, now: string): void {
      db.prepare('UPDATE person SET pin_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, id);
    },

    /**
     * The manager chain above a person, nearest first, with names for messages.
     * Stops at a repeat, so a cycle already in the data cannot loop forever.
     */
    managerChain(personId: string): { id: string; name: string; email: string }[] {
      return db
        .prepare<[string], { id: string; name: string; email: string }>(
          `WITH RECURSIVE up(id, depth) AS (
             SELECT manager_id, 1 FROM person WHERE id = ? AND manager_id IS NOT NULL
             UNION SELECT p.manager_id, up.depth + 1 FROM person p JOIN up ON p.id = up.id
             WHERE p.manager_id IS NOT NULL AND up.depth < 1000
           ) SELECT p.id, p.first_name || ' ' || p.last_name AS name, p.email
             FROM up JOIN person p ON p.id = up.id ORDER BY up.depth`,
        )
        .all(personId);
    },
  };
}
