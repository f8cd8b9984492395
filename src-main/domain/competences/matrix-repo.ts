import type { CompetenceStatus } from '../../../shared/competences/status.js';
import { competenceStatusSql } from '../../../shared/competences/status.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { reachSql } from '../permissions/reach-sql.js';
import { UNIT_ON_AS_OF } from '../compliance/engine-sql.js';
import { heldSql } from './held-repo.js';

/**
 * The competence matrix and report in SQL (issue 9). Who: active people within
 * the viewer's reports.view reach, optionally in a unit subtree and matching a
 * search. What: the columns (competences) chosen once by `columns`, passed to
 * every other statement as JSON. Held = heldSql's deciding grant as of @asOf
 * (cells, report), its status = competenceStatusSql; counts and the status
 * filter use the same pick's valid-until (perPersonCte). Nothing is computed per
 * cell in JS, so they span 10,000 people without loading them.
 */

export interface MatrixFilter {
  reach: Reach;
  selfId: string;
  asOf: string;
  /** asOf + warning window − 1 day (competenceStatusSql's @expiringUntil). */
  expiringUntil: string;
  unitId?: string | undefined;
  search?: string | undefined;
  /** Only people with at least one cell in this status. */
  status?: CompetenceStatus | undefined;
  /** The column (competence) ids, in order. */
  columnIds: readonly string[];
  /**
   * The columns are every competence in use (no category chosen). Then a grant counts unless its
   * competence is archived: a cheaper test per grant than looking it up among the columns.
   */
  everyColumn?: boolean;
}

export interface ColumnDbRow {
  id: string;
  code: string;
  name: string;
}

export interface MatrixPersonDbRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  unit_name: string;
}

export interface MatrixCellDbRow {
  person_id: string;
  competence_id: string;
  valid_until: string | null;
  status: Exclude<CompetenceStatus, 'missing'>;
}

export interface ReportDbRow {
  email: string;
  first_name: string;
  last_name: string;
  code: string;
  name: string;
  valid_from: string;
  valid_until: string | null;
  status: Exclude<CompetenceStatus, 'missing'>;
  source_module: string;
}

interface Sql {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Non-archived competences in the subtree of @categoryId (every root when null) that some module gives or
 * someone holds, so an empty category makes no empty column; in tree order (parents first, siblings by name).
 */
const COLUMNS_SQL = `
  WITH RECURSIVE tree(id, code, name, sort_key) AS (
    SELECT id, code, name, char(1) || lower(name) || char(2) || lower(code) FROM competence
     WHERE archived_at IS NULL AND CASE WHEN @categoryId IS NULL THEN parent_id IS NULL ELSE id = @categoryId END
    UNION ALL
    SELECT c.id, c.code, c.name, t.sort_key || char(1) || lower(c.name) || char(2) || lower(c.code)
      FROM competence c JOIN tree t ON c.parent_id = t.id
     WHERE c.archived_at IS NULL
  )
  SELECT id, code, name FROM tree t
   WHERE EXISTS (SELECT 1 FROM module_competence mc WHERE mc.competence_id = t.id)
      OR EXISTS (SELECT 1 FROM person_competence pc WHERE pc.competence_id = t.id)
   ORDER BY sort_key`;

const PERSON_ORDER = 'p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.email COLLATE NOCASE, p.id';

/** The people of the filter (over person `p`), without the status filter. */
function peopleWhere(f: MatrixFilter): Sql {
  const scope = reachSql(f.reach, f.selfId, { person: 'p' });
  // As the compliance matrix does: who was there on the day (not yet left; in the unit by their
  // person_unit_history spell), so a past date shows that day's team.
  const conds = [scope.sql, `(p.status = 'active' OR p.left_on > @asOf)`];
  const params: Record<string, unknown> = { ...scope.params, asOf: f.asOf };
  if (f.unitId) {
    conds.push(`${UNIT_ON_AS_OF} IN (WITH RECURSIVE sub(id) AS (
        SELECT @unitId UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)`);
    params.unitId = f.unitId;
  }
  if (f.search) {
    conds.push(searchSql(["p.first_name || ' ' || p.last_name", 'p.email']));
    params.search = searchParam(f.search);
  }
  return { sql: conds.join(' AND '), params };
}

const filterParams = (f: MatrixFilter, who: Sql) => ({
  ...who.params,
  cols: JSON.stringify(f.columnIds),
  asOf: f.asOf,
  expiringUntil: f.expiringUntil,
});

/** Grants of the filter's people in the filter's columns (person_competence aliased pc). */
const GRANTS_WHERE = (f: MatrixFilter, who: Sql) =>
  `${
    f.everyColumn
      ? 'pc.competence_id NOT IN (SELECT id FROM competence WHERE archived_at IS NOT NULL)'
      : 'pc.competence_id IN (SELECT value FROM json_each(@cols))'
  } AND pc.person_id IN (SELECT p.id FROM person p WHERE ${who.sql})`;

/**
 * `pp`: per person of the filter, how many columns they hold and how many are valid, expiring, expired.
 * A status needs only the deciding grant's valid-until, which is heldSql's pick by definition (no end
 * date wins, else the furthest): a GROUP BY in the primary key's order finds it several times faster
 * than heldSql's window over every grant, which is what makes counts over 10,000 people cheap.
 */
/** `until`: per person and column, the deciding valid-until as of the day (a status needs nothing else). */
function untilCte(f: MatrixFilter, who: Sql): Sql {
  return {
    sql: `until AS (
        SELECT pc.person_id, CASE WHEN count(*) > count(pc.valid_until) THEN NULL
                                  ELSE max(pc.valid_until) END AS valid_until
          FROM person_competence pc
         WHERE pc.completion_date <= @asOf AND ${GRANTS_WHERE(f, who)}
         GROUP BY pc.person_id, pc.competence_id)`,
    params: filterParams(f, who),
  };
}

function perPersonCte(f: MatrixFilter, who: Sql): Sql {
  const until = untilCte(f, who);
  return {
    sql: `${until.sql},
      pp AS (
        SELECT person_id, count(*) AS n, sum(status = 'valid') AS v, sum(status = 'expiring') AS e,
               sum(status = 'expired') AS x
          FROM (SELECT person_id, ${competenceStatusSql('valid_until')} AS status FROM until)
         GROUP BY person_id)`,
    params: until.params,
  };
}

/** A person (p, left-joined to pp) with at least one cell in the status; missing = fewer held than columns. */
const STATUS_COND: Record<CompetenceStatus, string> = {
  valid: 'coalesce(pp.v, 0) > 0',
  expiring: 'coalesce(pp.e, 0) > 0',
  expired: 'coalesce(pp.x, 0) > 0',
  missing: 'coalesce(pp.n, 0) < @ncols',
};

export function matrixRepo(db: Db) {
  return {
    columns(categoryId: string | undefined): ColumnDbRow[] {
      return db.prepare<{ categoryId: string | null }, ColumnDbRow>(COLUMNS_SQL).all({
        categoryId: categoryId ?? null,
      });
    },

    /** People matching the filter and how many cells of theirs are in each status (missing = no grant by asOf). */
    counts(f: MatrixFilter): { people: number } & Record<CompetenceStatus, number> {
      const who = peopleWhere(f);
      if (!f.status) {
        // Without a status filter the totals need no per-person step: every cell is counted once.
        const until = untilCte(f, who);
        const row = db
          .prepare<Record<string, unknown>, { people: number } & Record<CompetenceStatus, number>>(
            `WITH ${until.sql}, people AS (SELECT count(*) AS n FROM person p WHERE ${who.sql})
             SELECT people.n AS people, coalesce(sum(s = 'valid'), 0) AS valid,
                    coalesce(sum(s = 'expiring'), 0) AS expiring, coalesce(sum(s = 'expired'), 0) AS expired,
                    people.n * @ncols - count(s) AS missing
               FROM people LEFT JOIN (SELECT ${competenceStatusSql('valid_until')} AS s FROM until) ON 1`,
          )
          .get({ ...until.params, ncols: f.columnIds.length });
        return row ?? { people: 0, valid: 0, expiring: 0, expired: 0, missing: 0 };
      }
      const held = perPersonCte(f, who);
      const statusCond = `AND ${STATUS_COND[f.status]}`;
      const row = db
        .prepare<Record<string, unknown>, { people: number } & Record<CompetenceStatus, number>>(
          `WITH ${held.sql}
           SELECT count(*) AS people, coalesce(sum(pp.v), 0) AS valid, coalesce(sum(pp.e), 0) AS expiring,
                  coalesce(sum(pp.x), 0) AS expired, coalesce(sum(@ncols - coalesce(pp.n, 0)), 0) AS missing
             FROM person p LEFT JOIN pp ON pp.person_id = p.id
            WHERE ${who.sql} ${statusCond}`,
        )
        .get({ ...held.params, ncols: f.columnIds.length });
      return row ?? { people: 0, valid: 0, expiring: 0, expired: 0, missing: 0 };
    },

    /** One page of the filter's people, by name. */
    page(f: MatrixFilter, page: { offset: number; limit: number }): MatrixPersonDbRow[] {
      const who = peopleWhere(f);
      const select = `SELECT p.id, p.first_name, p.last_name, p.email, u.name AS unit_name
        FROM person p JOIN unit u ON u.id = ${UNIT_ON_AS_OF}`;
      const order = `ORDER BY ${PERSON_ORDER} LIMIT @limit OFFSET @offset`;
      if (!f.status)
        return db
          .prepare<Record<string, unknown>, MatrixPersonDbRow>(`${select} WHERE ${who.sql} ${order}`)
          .all({ ...who.params, ...page });
      const held = perPersonCte(f, who);
      return db
        .prepare<Record<string, unknown>, MatrixPersonDbRow>(
          `WITH ${held.sql} ${select} LEFT JOIN pp ON pp.person_id = p.id
           WHERE ${who.sql} AND ${STATUS_COND[f.status]} ${order}`,
        )
        .all({ ...held.params, ncols: f.columnIds.length, ...page });
    },

    /** The held cells of some people in the filter's columns (absent = missing). */
    cells(f: MatrixFilter, personIds: readonly string[]): MatrixCellDbRow[] {
      return db
        .prepare<Record<string, unknown>, MatrixCellDbRow>(
          `SELECT person_id, competence_id, valid_until, ${competenceStatusSql('valid_until')} AS status
             FROM (${heldSql(`pc.person_id IN (SELECT value FROM json_each(@people))
                              AND pc.competence_id IN (SELECT value FROM json_each(@cols))`)})`,
        )
        .all({
          people: JSON.stringify(personIds),
          cols: JSON.stringify(f.columnIds),
          asOf: f.asOf,
          expiringUntil: f.expiringUntil,
        });
    },

    /** Every held competence of the filter's people (status filter ignored), by person and code. */
    reportRows(f: MatrixFilter): ReportDbRow[] {
      const who = peopleWhere(f);
      return db
        .prepare<Record<string, unknown>, ReportDbRow>(
          `SELECT p.email, p.first_name, p.last_name, c.code, c.name, h.completion_date AS valid_from,
                  h.valid_until, ${competenceStatusSql('h.valid_until')} AS status,
                  coalesce(nullif(m.code, ''), m.title, h.module_id) AS source_module
             FROM (${heldSql(GRANTS_WHERE(f, who))}) h
             JOIN person p ON p.id = h.person_id JOIN competence c ON c.id = h.competence_id
             LEFT JOIN module m ON m.id = h.module_id
            ORDER BY ${PERSON_ORDER}, c.code COLLATE NOCASE`,
        )
        .all(filterParams(f, who));
    },

    /** The grants one module has given of one competence (what unmapping it keeps). */
    grantsFrom(moduleId: string, competenceId: string): number {
      return (
        db
          .prepare<[string, string], number>(
            'SELECT count(*) FROM person_competence WHERE module_id = ? AND competence_id = ?',
          )
          .pluck()
          .get(moduleId, competenceId) ?? 0
      );
    },

    unitExists(id: string): boolean {
      return db.prepare<[string], number>('SELECT 1 FROM unit WHERE id = ?').pluck().get(id) !== undefined;
    },

    competenceExists(id: string): boolean {
      return (
        db.prepare<[string], number>('SELECT 1 FROM competence WHERE id = ?').pluck().get(id) !== undefined
      );
    },
  };
}
