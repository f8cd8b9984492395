import { z } from '../../zod.js';
import { Id } from '../common.js';

export const ScopeName = z.enum(['self', 'unit', 'subtree', 'organisation', 'organisation_and_clients']);

export const PrivilegeEntry = z.object({
  name: z.string(),
  group: z.string(),
  label: z.string(),
  reach: z.enum(['own', 'subordinate', 'scoped']),
});
export const PrivilegeCatalog = z.object({
  groups: z.array(z.string()),
  privileges: z.array(PrivilegeEntry),
});

export const RoleRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rank: z.number(),
  scope: ScopeName,
  builtin: z.boolean(),
  /** The built-in role a custom role was copied from, if any. */
  basedOn: z.string().nullable(),
  privileges: z.array(z.string()),
  /** How many grants use it: a role in use cannot be deleted. */
  grantCount: z.number(),
});
export type RoleRow = z.infer<typeof RoleRow>;
export const RoleList = z.object({ roles: z.array(RoleRow) });

const RoleName = z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters');

export const RoleCopyInput = z
  .object({ fromId: Id, name: RoleName, description: z.string().trim().max(500).optional() })
  .strict();

export const RoleUpdateInput = z
  .object({
    id: Id,
    name: RoleName.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    scope: ScopeName.optional(),
    privileges: z.array(z.string()).max(200).optional(),
  })
  .strict();

export const IdInput = z.object({ id: Id }).strict();
