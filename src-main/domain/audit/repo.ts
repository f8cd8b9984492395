import { createHash } from 'node:crypto';
import type { Db } from '../../db/open.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string | null;
  call: string;
  targetIds: string[];
  summary: string;
  before: unknown;
  after: unknown;
}

interface AuditDbRow {
  seq: number;
  at: string;
  actor_id: string | null;
  call: string;
  target_ids: string;
  summary: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** The hash covers every stored column and the previous row's hash, so editing, deleting or reordering any row shows. */
function rowHash(r: Omit<AuditDbRow, 'hash'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        r.seq,
        r.at,
        r.actor_id,
        r.call,
        r.target_ids,
        r.summary,
        r.before,
        r.after,
        r.prev_hash,
      ]),
    )
    .digest('hex');
}

export function auditRepo(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, call, target_ids, summary, before, after, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @call, @target_ids, @summary, @before, @after, @prev_hash, @hash)`,
  );
  return {
    append(e: AuditEntry): number {
      const prev = last.get();
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        at: e.at,
        actor_id: e.actorId,
        call: e.call,
        target_ids: JSON.stringify(e.targetIds),
        summary: e.summary,
        before: json(e.before),
        after: json(e.after),
        prev_hash: prev?.hash ?? GENESIS_HASH,
      };
      insert.run({ ...row, hash: rowHash(row) });
      return row.seq;
    },

    page(q: { offset: number; limit: number; call?: string | undefined }) {
      const where = q.call ? 'WHERE a.call = @call' : '';
      const rows = db
        .prepare<Record<string, unknown>, AuditDbRow & { actor_name: string | null }>(
          `SELECT a.*, CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS actor_name
           FROM audit_log a LEFT JOIN person p ON p.id = a.actor_id
           ${where} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ call: q.call, limit: q.limit, offset: q.offset });
      const total = (
        db
          .prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM audit_log a ${where}`)
          .get({
            call: q.call,
          }) ?? { n: 0 }
      ).n;
      return { rows, total };
    },

    /** Walks the chain from the start; returns the first row that does not fit, or null. */
    verify(): { checked: number; brokenAt: number | null } {
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let checked = 0;
      for (const r of db.prepare<[], AuditDbRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
        checked++;
        if (r.seq !== expectedSeq || r.prev_hash !== prevHash || rowHash(r) !== r.hash) {
          return { checked, brokenAt: r.seq };
        }
        prevHash = r.hash;
        expectedSeq++;
      }
      return { checked, brokenAt: null };
    },
  };
}
