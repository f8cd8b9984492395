import { z } from '../../zod.js';
import { Id } from '../common.js';

export const EffectiveInput = z.object({ personId: Id }).strict();

export const EffectivePrivilege = z.object({
  privilege: z.string(),
  group: z.string(),
  label: z.string(),
  /** Every grant that gives it, in words: "Manager at Umeå (that unit)". */
  sources: z.array(
    z.object({
      roleName: z.string(),
      unitName: z.string(),
      scope: z.string(),
      reach: z.string(),
      implied: z.enum(['home-unit', 'ancestor']).nullable(),
      description: z.string(),
    }),
  ),
});

export const EffectivePermissions = z.object({
  personId: z.string(),
  personName: z.string(),
  rank: z.number(),
  grants: z.array(
    z.object({
      roleId: z.string(),
      roleName: z.string(),
      unitName: z.string(),
      scope: z.string(),
      implied: z.enum(['home-unit', 'ancestor']).nullable(),
    }),
  ),
  privileges: z.array(EffectivePrivilege),
});
export type EffectivePermissions = z.infer<typeof EffectivePermissions>;

export const ExplainInput = z
  .object({
    personId: Id,
    privilege: z.string().min(1),
    targetPersonId: Id.optional(),
    targetUnitId: Id.optional(),
  })
  .strict();

export const Explanation = z.object({ allowed: z.boolean(), sentence: z.string() });
