import { z } from '../../zod.js';
import { Id, PageQuery } from '../common.js';

export const GrantRow = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  rank: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
});
export type GrantRow = z.infer<typeof GrantRow>;

export const GrantQuery = PageQuery.extend({
  personId: Id.optional(),
  roleId: Id.optional(),
  unitId: Id.optional(),
}).strict();
export const GrantPage = z.object({ rows: z.array(GrantRow), total: z.number() });

export const GrantInput = z.object({ personId: Id, roleId: Id, unitId: Id }).strict();

/** What the actor may grant: the roles at or below their rank, for the role picker. */
export const GrantableRoles = z.object({
  roles: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number(), scope: z.string() })),
});
