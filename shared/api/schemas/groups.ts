import { z } from '../../zod.js';
import { Id, PageQuery } from '../common.js';

const Ids = z
  .array(Id)
  .max(5000)
  .transform((ids) => [...new Set(ids)]);

/**
 * Who a rule group holds: people in any of the unit subtrees, with any of the
 * departments, with any of the job titles. Every non-empty list must match.
 */
export const GroupRule = z
  .object({ unitIds: Ids.default([]), departmentIds: Ids.default([]), jobTitleIds: Ids.default([]) })
  .strict()
  .refine((r) => r.unitIds.length + r.departmentIds.length + r.jobTitleIds.length > 0, {
    message: 'Choose at least one unit, department or job title',
  });
export type GroupRule = z.infer<typeof GroupRule>;

export const GroupKind = z.enum(['static', 'rule']);

const GroupName = z.string().trim().min(1, 'Enter a name').max(120, 'Use at most 120 characters');
const Description = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .nullable()
  .transform((s) => s || null);

const common = {
  name: GroupName,
  description: Description.optional(),
  /** The unit whose managers may edit the group; a rule group only ever holds people at or below it. */
  ownerUnitId: Id,
};

export const GroupCreate = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('static'), memberIds: Ids.default([]) }).strict(),
  z.object({ ...common, kind: z.literal('rule'), rule: GroupRule }).strict(),
]);

/** Fields left out stay as they are; `memberIds` replaces the members the actor can see. */
export const GroupUpdate = z
  .object({
    id: Id,
    name: GroupName.optional(),
    description: Description.optional(),
    ownerUnitId: Id.optional(),
    memberIds: Ids.optional(),
    rule: GroupRule.optional(),
  })
  .strict();

export const GroupRef = z.object({ id: Id }).strict();

export const GroupsQuery = PageQuery.extend({ search: z.string().trim().max(200).optional() }).strict();

export const GroupRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: GroupKind,
  description: z.string().nullable(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  /** Active members within the actor's scope. */
  memberCount: z.number(),
});
export type GroupRow = z.infer<typeof GroupRow>;

export const GroupPage = z.object({ rows: z.array(GroupRow), total: z.number() });

export const GroupMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  unitName: z.string(),
});
export type GroupMember = z.infer<typeof GroupMember>;

export const GroupQuery = PageQuery.extend({
  id: Id,
  search: z.string().trim().max(200).optional(),
}).strict();

const StoredRule = z.object({
  unitIds: z.array(z.string()),
  departmentIds: z.array(z.string()),
  jobTitleIds: z.array(z.string()),
});

export const GroupDetail = GroupRow.extend({
  rule: StoredRule.nullable(),
  /** The rule in words, naming its units, departments and job titles. */
  ruleText: z.string().nullable(),
  members: z.object({ rows: z.array(GroupMember), total: z.number() }),
});

export const GroupPreviewInput = z
  .object({
    rule: GroupRule,
    /** The owner the group will have: a rule group holds only people at or below it. */
    ownerUnitId: Id.optional(),
  })
  .strict();

export const GroupPreview = z.object({ count: z.number(), sample: z.array(GroupMember) });

export const Deleted = z.object({ id: z.string() });
