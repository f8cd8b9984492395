import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { AuthedCtx } from '../../app/context.js';
import { auditRepo } from './repo.js';

export function listAudit(input: ParsedInput<'audit.list'>, ctx: AuthedCtx): CallOutput<'audit.list'> {
  const { rows, total } = auditRepo(ctx.db).page(input);
  return {
    total,
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      call: r.call,
      targetIds: JSON.parse(r.target_ids) as string[],
      summary: r.summary,
    })),
  };
}

export function verifyAudit(_input: ParsedInput<'audit.verify'>, ctx: AuthedCtx): CallOutput<'audit.verify'> {
  const { checked, brokenAt } = auditRepo(ctx.db).verify();
  return { intact: brokenAt === null, checked, brokenAt };
}
