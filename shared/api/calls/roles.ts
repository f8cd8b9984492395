import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import {
  IdInput,
  PrivilegeCatalog,
  RoleCopyInput,
  RoleList,
  RoleRow,
  RoleUpdateInput,
} from '../schemas/roles.js';

export const rolesCalls = {
  'roles.privileges': {
    input: Empty,
    output: PrivilegeCatalog,
    access: 'authenticated',
    write: false,
    summary: 'Every privilege, grouped as in the privilege matrix, with how far it reaches',
  },
  'roles.list': {
    input: Empty,
    output: RoleList,
    access: 'authenticated',
    write: false,
    summary: 'The built-in and custom roles with their rank, scope and privileges',
  },
  'roles.copy': {
    input: RoleCopyInput,
    output: RoleRow,
    access: 'roles.manage',
    write: true,
    summary: 'Copy a role into a new custom role',
  },
  'roles.update': {
    input: RoleUpdateInput,
    output: RoleRow,
    access: 'roles.manage',
    write: true,
    summary: "Change a custom role's name, scope or privileges (built-in roles cannot change)",
  },
  'roles.delete': {
    input: IdInput,
    output: Empty,
    access: 'roles.manage',
    write: true,
    summary: 'Delete a custom role nobody holds',
  },
} as const satisfies Record<string, CallSpec>;
