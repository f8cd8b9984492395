import type { ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface ResultDbRow {
  id: string;
  person_id: string;
  person_name: string;
  email: string;
  module_id: string;
  module_code: string;
  module_title: string;
  kind: ModuleKind;
  status: ResultStatus;
  result_date: string;
  score: number | null;
  note: string | null;
  source: 'live' | 'attendance' | 'manual';
  evidence_file_id: string | null;
  recorded_by_name: string | null;
  record_id: string | null;
}

export interface ReviewModuleRow {
  id: string;
  title: string;
  kind: ModuleKind;
  status: ModuleStatus;
  /** The owner unit's name, for refusals that say whose module it is. */
  owner_name: string;
}

export function reviewRepo(db: Db) {
  return {
    module(id: string): ReviewModuleRow | undefined {
      return db
        .prepare<[string], ReviewModuleRow>(
          `SELECT m.id, m.title, m.kind, m.status, u.name AS owner_name
           FROM module m JOIN unit u ON u.id = m.owner_unit_id WHERE m.id = ?`,
        )
        .get(id);
    },
    personStatus(id: string): 'active' | 'left' | undefined {
      return db
        .prepare<[string], { status: 'active' | 'left' }>('SELECT status FROM person WHERE id = ?')
        .get(id)?.status;
    },
    /** Results of people within `reach`, newest first. */
    page(q: {
      reach: Reach;
      selfId: string;
      personId?: string | undefined;
      moduleId?: string | undefined;
      status?: ResultStatus | undefined;
      offset: number;
      limit: number;
    }): { rows: ResultDbRow[]; total: number } {
      const scope = reachSql(q.reach, q.selfId);
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      for (const [key, col] of [
        ['personId', 'r.person_id'],
        ['moduleId', 'r.module_id'],
        ['status', 'r.status'],
      ] as const) {
        if (q[key] === undefined) continue;
        conds.push(`${col} = @${key}`);
        params[key] = q[key];
      }
      const where = conds.join(' AND ');
      const from = `FROM result r JOIN person p ON p.id = r.person_id JOIN module m ON m.id = r.module_id
        LEFT JOIN person rb ON rb.id = r.recorded_by WHERE ${where}`;
      const rows = db
        .prepare<Record<string, unknown>, ResultDbRow>(
          `SELECT r.id, r.person_id, p.first_name || ' ' || p.last_name AS person_name, p.email,
             r.module_id, m.code AS module_code, m.title AS module_title, m.kind, r.status, r.result_date,
             r.score, r.note, r.source, r.evidence_file_id,
             rb.first_name || ' ' || rb.last_name AS recorded_by_name,
             (SELECT t.id FROM training_record t WHERE t.result_id = r.id LIMIT 1) AS record_id
           ${from}
           ORDER BY r.result_date DESC, r.created_at DESC, p.last_name COLLATE NOCASE, r.id
           LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total =
        db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n ${from}`).get(params)?.n ??
        0;
      return { rows, total };
    },
    /** Attempts still counted towards max attempts stop counting; returns how many. */
    resetAttempts(r: { personId: string; moduleId: string; at: string; by: string; reason: string }): number {
      return db
        .prepare(
          `UPDATE attempt SET reset_at = @at, reset_by = @by, reset_reason = @reason
           WHERE person_id = @personId AND module_id = @moduleId AND reset_at IS NULL`,
        )
        .run(r).changes;
    },
  };
}
