import { z } from '../../zod.js';
import { PageQuery } from '../common.js';

export const AuditQuery = PageQuery.extend({
  call: z.string().max(100).optional(),
}).strict();

export const AuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  call: z.string(),
  targetIds: z.array(z.string()),
  summary: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = z.object({ rows: z.array(AuditRow), total: z.number() });

export const AuditVerification = z.object({
  intact: z.boolean(),
  checked: z.number(),
  /** Sequence number of the first row whose hash does not match, if any. */
  brokenAt: z.number().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
