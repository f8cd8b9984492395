import type { CallSpec } from '../call-spec.js';
import { EffectiveInput, EffectivePermissions, ExplainInput, Explanation } from '../schemas/permissions.js';

export const permissionsCalls = {
  'permissions.effective': {
    input: EffectiveInput,
    output: EffectivePermissions,
    access: 'people.view',
    write: false,
    summary: 'Every privilege a person has, with the grant that gives it and how far it reaches',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
  'permissions.explain': {
    input: ExplainInput,
    output: Explanation,
    access: 'people.view',
    write: false,
    summary: 'Why a person can or cannot use a privilege on another person or a unit, in a sentence',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
} as const satisfies Record<string, CallSpec>;
