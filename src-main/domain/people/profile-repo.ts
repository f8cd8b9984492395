import type { Db } from '../../db/open.js';
import { UNIT_PATHS_CTE } from '../org/unit-lookup-repo.js';
import type { PersonDbRow } from './repo.js';

export interface ProfileDbRow extends PersonDbRow {
  unit_name: string;
  unit_path: string;
  department: string | null;
  job_title: string | null;
  manager_name: string | null;
  manager_email: string | null;
}

/** What the person page shows: the person with names for every id, and their explicit grants (groups: groups/membership-repo). */
export function profileRepo(db: Db) {
  return {
    person(id: string): ProfileDbRow | undefined {
      return db
        .prepare<[string], ProfileDbRow>(
          `WITH RECURSIVE ${UNIT_PATHS_CTE}
           SELECT p.*, u.name AS unit_name, up.path AS unit_path, d.name AS department, j.name AS job_title,
             CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name,
             m.email AS manager_email
           FROM person p JOIN unit u ON u.id = p.unit_id JOIN unit_path up ON up.id = p.unit_id
           LEFT JOIN department d ON d.id = p.department_id
           LEFT JOIN job_title j ON j.id = p.job_title_id
           LEFT JOIN person m ON m.id = p.manager_id
           WHERE p.id = ?`,
        )
        .get(id);
    },

    grants(personId: string): { roleId: string; roleName: string; unitId: string; unitName: string }[] {
      return db
        .prepare<[string], { roleId: string; roleName: string; unitId: string; unitName: string }>(
          `SELECT r.id AS roleId, r.name AS roleName, u.id AS unitId, u.name AS unitName
           FROM grant_ g JOIN role r ON r.id = g.role_id JOIN unit u ON u.id = g.unit_id
           WHERE g.person_id = ? ORDER BY r.rank DESC, u.name`,
        )
        .all(personId);
    },
  };
}
