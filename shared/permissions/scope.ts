import type { Privilege } from './privileges.js';
import type { Scope } from './roles.js';

export interface ScopedGrant {
  scope: Scope;
  unitId: string;
  privileges: ReadonlySet<Privilege>;
}

/**
 * Whom a privilege reaches, as the union of every grant that carries it:
 * everyone, some units (exactly), some subtrees, and/or oneself.
 * `none` when no grant carries it.
 */
export type Reach =
  { kind: 'none' } | { kind: 'all' } | { kind: 'some'; self: boolean; units: string[]; subtrees: string[] };

export function reachOf(grants: readonly ScopedGrant[], privilege: Privilege): Reach {
  const units = new Set<string>();
  const subtrees = new Set<string>();
  let self = false;
  let any = false;
  for (const g of grants) {
    if (!g.privileges.has(privilege)) continue;
    any = true;
    switch (g.scope) {
      case 'organisation':
      case 'organisation_and_clients':
        // Clients arrive with the organisation tree; until then both reach everyone.
        return { kind: 'all' };
      case 'subtree':
        subtrees.add(g.unitId);
        break;
      case 'unit':
        units.add(g.unitId);
        break;
      case 'self':
        self = true;
        break;
    }
  }
  if (!any) return { kind: 'none' };
  return { kind: 'some', self, units: [...units], subtrees: [...subtrees] };
}
