import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import { GrantableRoles, GrantInput, GrantPage, GrantQuery, GrantRow } from '../schemas/grants.js';
import { EffectiveInput } from '../schemas/permissions.js';

export const grantsCalls = {
  'grants.list': {
    input: GrantQuery,
    output: GrantPage,
    access: 'people.view',
    write: false,
    summary: 'Role grants of the people within your scope',
  },
  'grants.grantable': {
    input: EffectiveInput,
    output: GrantableRoles,
    access: 'grants.manage',
    write: false,
    summary: 'The roles you may grant to this person (at or below your rank)',
    target: (i: { personId: string }) => ({ person: i.personId, manage: true }),
  },
  'grants.add': {
    input: GrantInput,
    output: GrantRow,
    access: 'grants.manage',
    write: true,
    summary: 'Grant a role at a unit (at or below your own rank, never to yourself)',
    target: (i: { personId: string }) => ({ person: i.personId, manage: true }),
  },
  'grants.remove': {
    input: GrantInput,
    output: Empty,
    access: 'grants.manage',
    write: true,
    summary: 'Remove a role grant (same rank rules as granting)',
    target: (i: { personId: string }) => ({ person: i.personId, manage: true }),
  },
} as const satisfies Record<string, CallSpec>;
