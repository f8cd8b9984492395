import type { Reach } from '../../../shared/permissions/scope.js';
import { reachSql } from '../permissions/reach-sql.js';
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
  failed_signins: number;
  locked_until: string | null;
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
  passwordHash?: string | null;
  now: string;
}

export function peopleRepo(db: Db) {
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

    insert(p: NewPerson): void {
      db.prepare(
        `INSERT INTO person (id, email, username, first_name, last_name, employee_no, unit_id, department_id,
           job_title_id, manager_id, password_hash, created_at, updated_at)
         VALUES (@id, @email, @username, @firstName, @lastName, @employeeNo, @unitId, @departmentId,
           @jobTitleId, @managerId, @passwordHash, @now, @now)`,
      ).run({
        employeeNo: null,
        departmentId: null,
        jobTitleId: null,
        managerId: null,
        passwordHash: null,
        ...p,
        username: p.username ?? p.email,
      });
    },

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
      db.prepare('UPDATE person SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    },

    setPasswordHash(id: string, hash: string, now: string): void {
      db.prepare('UPDATE person SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, id);
    },

    page(q: {
      reach: Reach;
      selfId: string;
      search?: string | undefined;
      status?: string | undefined;
      offset: number;
      limit: number;
    }) {
      const scope = reachSql(q.reach, q.selfId);
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      if (q.search) {
        conds.push(`(p.first_name || ' ' || p.last_name LIKE @search ESCAPE '\\' OR p.email LIKE @search ESCAPE '\\'
          OR p.employee_no LIKE @search ESCAPE '\\')`);
        params.search = `%${q.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      }
      if (q.status) {
        conds.push('p.status = @status');
        params.status = q.status;
      }
      const where = conds.join(' AND ');
      const rows = db
        .prepare<
          Record<string, unknown>,
          PersonDbRow & { unit_name: string; department: string | null; job_title: string | null }
        >(
          `SELECT p.*, u.name AS unit_name, d.name AS department, j.name AS job_title
           FROM person p JOIN unit u ON u.id = p.unit_id
           LEFT JOIN department d ON d.id = p.department_id
           LEFT JOIN job_title j ON j.id = p.job_title_id
           WHERE ${where}
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id
           LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total =
        db
          .prepare<Record<string, unknown>, { n: number }>(
            `SELECT count(*) AS n FROM person p WHERE ${where}`,
          )
          .get(params)?.n ?? 0;
      return { rows, total };
    },
  };
}
