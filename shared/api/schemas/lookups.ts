import { z } from '../../zod.js';
import { Id } from '../common.js';

/** The organisation-wide managed lists people are filed under. */
export const LookupList = z.enum(['department', 'job_title']);
export type LookupList = z.infer<typeof LookupList>;

export const LookupName = z.string().trim().min(1, 'Enter a name').max(120, 'Use at most 120 characters');

export const LookupQuery = z
  .object({ list: LookupList, includeArchived: z.boolean().default(false) })
  .strict();

export const LookupRow = z.object({
  id: z.string(),
  name: z.string(),
  archived: z.boolean(),
  /** Active people filed under it, counted within the actor's scope. */
  peopleCount: z.number(),
});
export type LookupRow = z.infer<typeof LookupRow>;

export const LookupRows = z.object({ rows: z.array(LookupRow) });

export const LookupCreate = z.object({ list: LookupList, name: LookupName }).strict();
export const LookupRename = z.object({ list: LookupList, id: Id, name: LookupName }).strict();
export const LookupRef = z.object({ list: LookupList, id: Id }).strict();
export const LookupMerge = z.object({ list: LookupList, fromId: Id, intoId: Id }).strict();

export const LookupMerged = z.object({ into: LookupRow, movedPeople: z.number() });
