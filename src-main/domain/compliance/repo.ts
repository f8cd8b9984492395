import type { Db } from '../../db/open.js';
import type { Status } from '../../../shared/compliance/status.js';
import { UNIT_PATHS_CTE } from '../org/unit-lookup-repo.js';
import {
  complianceCte,
  COVERS,
  IN_FORCE,
  registerComplianceFunctions,
  UNIT_ON_AS_OF,
  type EngineScope,
} from './engine-sql.js';

/** One (person, module) requirement in force on the date, as the engine computes it. */
export interface CellDbRow {
  person_id: string;
  module_id: string;
  rank: number;
  validity_months: number | null;
  due_date: string | null;
  last_completion: string | null;
  expiry_date: string | null;
  status: Status;
}

export interface ModuleCellDbRow extends CellDbRow {
  code: string;
  title: string;
  kind: 'course' | 'quiz' | 'event' | 'learning_path' | 'external';
}

export interface SourceDbRow {
  module_id: string;
  configuration_id: string;
  name: string;
  requirement: 'required' | 'optional' | 'hidden';
  target_type: 'person' | 'group' | 'unit';
  target_name: string;
  validity_months: number | null;
  due_date: string | null;
}

export interface PersonCellDbRow extends CellDbRow {
  email: string;
  first_name: string;
  last_name: string;
  unit_name: string;
}

export interface ReportDbRow {
  email: string;
  first_name: string;
  last_name: string;
  unit_path: string;
  code: string;
  title: string;
  status: Status;
  last_completion: string | null;
  expiry_date: string | null;
  due_date: string | null;
}

export interface CompletionDbRow {
  id: string;
  completion_date: string;
  source: 'completion' | 'manual' | 'import';
  /** 1 when a person set expiry_date (it then counts instead of completion + validity). */
  expiry_fixed: 0 | 1;
  expiry_date: string | null;
}

const URGENCY = `CASE c.status WHEN 'overdue' THEN 0 WHEN 'expired' THEN 1 WHEN 'expiring' THEN 2 ELSE 3 END`;

export function complianceRepo(db: Db) {
  registerComplianceFunctions(db);

  return {
    /** Every requirement of the people in scope, with the module (the person page). */
    cellsWithModules(s: EngineScope): ModuleCellDbRow[] {
      const cte = complianceCte(s);
      return db
        .prepare<Record<string, unknown>, ModuleCellDbRow>(
          `${cte.sql} SELECT c.*, m.code, m.title, m.kind FROM cell c JOIN module m ON m.id = c.module_id
           ORDER BY c.rank, m.code`,
        )
        .all(cte.params);
    },

    /** Per person, "module=status" pairs: one row per person so a 10,000 × 50 matrix crosses into JS as 10,000 rows. */
    matrixPeople(s: EngineScope) {
      const cte = complianceCte({ ...s, requiredOnly: true });
      return db
        .prepare<
          Record<string, unknown>,
          {
            id: string;
            first_name: string;
            last_name: string;
            email: string;
            unit_name: string;
            cells: string;
          }
        >(
          `${cte.sql}, per_person AS (
             SELECT person_id, group_concat(module_id || '=' || status, ',') AS cells FROM cell GROUP BY person_id)
           SELECT p.id, p.first_name, p.last_name, p.email, u.name AS unit_name, pp.cells
           FROM per_person pp JOIN person p ON p.id = pp.person_id JOIN unit u ON u.id = ${UNIT_ON_AS_OF}
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id`,
        )
        .all(cte.params);
    },

    /** How many Required (person, module) pairs are in each status, and how many people they belong to. */
    statusCounts(s: EngineScope): { counts: Partial<Record<Status, number>>; people: number } {
      const cte = complianceCte({ ...s, requiredOnly: true });
      const rows = db
        .prepare<Record<string, unknown>, { status: Status; n: number; people: number }>(
          `${cte.sql} SELECT status, count(*) AS n, (SELECT count(DISTINCT person_id) FROM cell) AS people
           FROM cell GROUP BY status`,
        )
        .all(cte.params);
      return {
        counts: Object.fromEntries(rows.map((r) => [r.status, r.n])),
        people: rows[0]?.people ?? 0,
      };
    },

    /** Required pairs in the given statuses, most urgent first: overdue, expired, expiring, missing; oldest date first. */
    attention(s: EngineScope, statuses: readonly Status[], page: { offset: number; limit: number }) {
      const cte = complianceCte({ ...s, requiredOnly: true });
      const where = `c.status IN (SELECT value FROM json_each(@statuses))`;
      const params = {
        ...cte.params,
        statuses: JSON.stringify(statuses),
        offset: page.offset,
        limit: page.limit,
      };
      const total = db
        .prepare<Record<string, unknown>, number>(`${cte.sql} SELECT count(*) FROM cell c WHERE ${where}`)
        .pluck()
        .get(params);
      const rows = db
        .prepare<Record<string, unknown>, PersonCellDbRow & { code: string; title: string }>(
          `${cte.sql} SELECT c.*, p.email, p.first_name, p.last_name, u.name AS unit_name, m.code, m.title
           FROM cell c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = ${UNIT_ON_AS_OF}
           JOIN module m ON m.id = c.module_id
           WHERE ${where}
           ORDER BY ${URGENCY}, coalesce(CASE WHEN c.status = 'overdue' OR c.status = 'missing' THEN c.due_date
             ELSE c.expiry_date END, '9999-12-31'), p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, m.code
           LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      return { rows, total: total ?? 0 };
    },

    /** The report's rows, streamed: the caller iterates and writes as it goes. */
    reportRows(s: EngineScope): IterableIterator<ReportDbRow> {
      const cte = complianceCte({ ...s, requiredOnly: true });
      const sql = cte.sql.replace(/^WITH RECURSIVE/, `WITH RECURSIVE ${UNIT_PATHS_CTE},`);
      return db
        .prepare<Record<string, unknown>, ReportDbRow>(
          `${sql} SELECT p.email, p.first_name, p.last_name, up.path AS unit_path, m.code, m.title, c.status,
             c.last_completion, c.expiry_date, c.due_date
           FROM cell c JOIN person p ON p.id = c.person_id JOIN unit_path up ON up.id = ${UNIT_ON_AS_OF}
           JOIN module m ON m.id = c.module_id
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.email, m.code`,
        )
        .iterate(cte.params);
    },

    /** Where each requirement of one person comes from on the date: every covering configuration's item in force. */
    sources(personId: string, asOf: string, moduleId?: string): SourceDbRow[] {
      return db
        .prepare<Record<string, unknown>, SourceDbRow>(
          `SELECT ci.module_id, tc.id AS configuration_id, tc.name, ci.requirement, tc.target_type,
             CASE tc.target_type
               WHEN 'person' THEN (SELECT first_name || ' ' || last_name FROM person WHERE id = tc.target_id)
               WHEN 'group' THEN (SELECT name FROM group_ WHERE id = tc.target_id)
               ELSE (SELECT name FROM unit WHERE id = tc.target_id) END AS target_name,
             coalesce(ci.validity_months, m.default_validity_months) AS validity_months,
             CASE ci.due_kind WHEN 'fixed' THEN ci.due_date
               WHEN 'after_joining' THEN date(f.assigned_on, '+' || ci.due_days || ' days') END AS due_date
           FROM fulfilment f
           JOIN training_configuration tc ON tc.id = f.configuration_id
           JOIN configuration_item ci ON ci.configuration_id = f.configuration_id AND ${IN_FORCE}
           JOIN module m ON m.id = ci.module_id
           WHERE f.person_id = @personId AND ${COVERS} AND (@moduleId IS NULL OR ci.module_id = @moduleId)
           ORDER BY CASE ci.requirement WHEN 'required' THEN 1 WHEN 'optional' THEN 2 ELSE 3 END, tc.name`,
        )
        .all({ personId, asOf, moduleId: moduleId ?? null });
    },

    /** Every completion of a module by a person (any source), newest first. */
    completions(personId: string, moduleId: string): CompletionDbRow[] {
      return db
        .prepare<[string, string], CompletionDbRow>(
          `SELECT id, completion_date, source, expiry_fixed, expiry_date FROM training_record
           WHERE person_id = ? AND object_id = ?
           -- The engine's order: the first row on or before the date is the one that counts.
           ORDER BY completion_date DESC, expiry_fixed DESC, expiry_date DESC, created_at DESC, id DESC`,
        )
        .all(personId, moduleId);
    },

    moduleHeads(ids: readonly string[]) {
      return db
        .prepare<[string], { id: string; code: string; title: string }>(
          `SELECT id, code, title FROM module WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code COLLATE NOCASE`,
        )
        .all(JSON.stringify(ids));
    },

    personName(personId: string): string | undefined {
      return db
        .prepare<[string], string>(`SELECT first_name || ' ' || last_name FROM person WHERE id = ?`)
        .pluck()
        .get(personId);
    },

    setting(key: string): string | undefined {
      return db.prepare<[string], string>('SELECT value FROM setting WHERE key = ?').pluck().get(key);
    },
  };
}

export type ComplianceRepo = ReturnType<typeof complianceRepo>;
