import type { PeopleQuery, PeopleSortBy } from '../../../shared/api/schemas/people.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { UNIT_PATHS_CTE } from '../org/unit-lookup-repo.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { reachSql } from '../permissions/reach-sql.js';

export type PeopleFilter = Pick<
  PeopleQuery,
  'search' | 'unitId' | 'departmentId' | 'jobTitleId' | 'status' | 'sort'
>;

export interface PersonListDbRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  employee_no: string | null;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  unit_code: string | null;
  department: string | null;
  job_title: string | null;
  manager_name: string | null;
  manager_email: string | null;
  status: 'active' | 'left';
}

const NAME = 'p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE';

/** Primary keys of each sort; the name (then id) always breaks ties so pages never shuffle. */
const SORT_KEYS: Record<PeopleSortBy, string[]> = {
  name: ['p.last_name COLLATE NOCASE', 'p.first_name COLLATE NOCASE'],
  email: ['p.email COLLATE NOCASE'],
  // Empty values last in either direction.
  employeeNo: ['p.employee_no IS NULL', 'p.employee_no COLLATE NOCASE'],
  unit: ['up.path COLLATE NOCASE'],
  department: ['d.name IS NULL', 'd.name COLLATE NOCASE'],
  jobTitle: ['j.name IS NULL', 'j.name COLLATE NOCASE'],
  status: ['p.status'],
};

function orderBy(sort: PeopleFilter['sort']): string {
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  const keys = SORT_KEYS[sort.by].map((k) => (k.endsWith('IS NULL') ? k : `${k} ${dir}`));
  const tail = sort.by === 'name' ? [`p.id ${dir}`] : [NAME, 'p.id'];
  return [...keys, ...tail].join(', ');
}

/** The WHERE clause for scope and filters, over `person p` only, so counting needs no joins. */
function whereOf(f: PeopleFilter, reach: Reach, selfId: string) {
  const scope = reachSql(reach, selfId);
  const conds = [scope.sql];
  const params: Record<string, unknown> = { ...scope.params };
  if (f.search) {
    conds.push(
      searchSql([
        "p.first_name || ' ' || p.last_name",
        "p.last_name || ' ' || p.first_name",
        'p.email',
        'p.employee_no',
      ]),
    );
    params.search = searchParam(f.search);
  }
  if (f.status !== 'all') {
    conds.push('p.status = @status');
    params.status = f.status;
  }
  if (f.unitId) {
    conds.push(`p.unit_id IN (WITH RECURSIVE sub(id) AS (
        SELECT @unitId UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
      ) SELECT id FROM sub)`);
    params.unitId = f.unitId;
  }
  if (f.departmentId) {
    conds.push('p.department_id = @departmentId');
    params.departmentId = f.departmentId;
  }
  if (f.jobTitleId) {
    conds.push('p.job_title_id = @jobTitleId');
    params.jobTitleId = f.jobTitleId;
  }
  return { where: conds.join(' AND '), params };
}

// Unit paths come from one recursive CTE over the (small) unit table joined by id,
// not from a subquery per person: the list stays one pass at 10,000 people.
const SELECT = `WITH RECURSIVE ${UNIT_PATHS_CTE}
  SELECT p.id, p.email, p.first_name, p.last_name, p.employee_no, p.unit_id, p.status,
    u.name AS unit_name, u.code AS unit_code, up.path AS unit_path,
    d.name AS department, j.name AS job_title,
    CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name,
    m.email AS manager_email
  FROM person p
  JOIN unit u ON u.id = p.unit_id
  JOIN unit_path up ON up.id = p.unit_id
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN job_title j ON j.id = p.job_title_id
  LEFT JOIN person m ON m.id = p.manager_id`;

/** The people lists and exports, always limited to what the actor's reach covers, in SQL. */
export function peopleListRepo(db: Db) {
  return {
    page(f: PeopleFilter & { offset: number; limit: number }, reach: Reach, selfId: string) {
      const { where, params } = whereOf(f, reach, selfId);
      const rows = db
        .prepare<Record<string, unknown>, PersonListDbRow>(
          `${SELECT} WHERE ${where} ORDER BY ${orderBy(f.sort)} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: f.limit, offset: f.offset });
      const total =
        db
          .prepare<Record<string, unknown>, { n: number }>(
            `SELECT count(*) AS n FROM person p WHERE ${where}`,
          )
          .get(params)?.n ?? 0;
      return { rows, total };
    },

    /** Every matching person, for a CSV export. */
    all(f: PeopleFilter, reach: Reach, selfId: string): PersonListDbRow[] {
      const { where, params } = whereOf(f, reach, selfId);
      return db
        .prepare<Record<string, unknown>, PersonListDbRow>(
          `${SELECT} WHERE ${where} ORDER BY ${orderBy(f.sort)}`,
        )
        .all(params);
    },

    /** The query plan of a page, for the benchmark and the index check in tests. */
    explainPage(f: PeopleFilter & { offset: number; limit: number }, reach: Reach, selfId: string): string[] {
      const { where, params } = whereOf(f, reach, selfId);
      return db
        .prepare<Record<string, unknown>, { detail: string }>(
          `EXPLAIN QUERY PLAN ${SELECT} WHERE ${where} ORDER BY ${orderBy(f.sort)} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: f.limit, offset: f.offset })
        .map((r) => r.detail);
    },
  };
}
