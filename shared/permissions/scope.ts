import type { EngineGrant } from './engine.js';
import { organisationOf } from './engine.js';
import { privilegeInfo, type Privilege } from './privileges.js';

/**
 * Whom a privilege reaches, as the union over every grant that carries it, in
 * a form a repo turns into SQL: oneself, one's reports, whole units, subtrees,
 * organisations without their clients, and organisations with them.
 */
export interface Reach {
  any: boolean;
  self: boolean;
  subordinates: boolean;
  units: string[];
  subtrees: string[];
  organisations: string[];
  organisationTrees: string[];
}

export function reachOf(grants: readonly EngineGrant[], privilege: Privilege): Reach {
  const r: Reach = {
    any: false,
    self: false,
    subordinates: false,
    units: [],
    subtrees: [],
    organisations: [],
    organisationTrees: [],
  };
  const add = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  const kind = privilegeInfo(privilege).reach;
  for (const g of grants) {
    if (!g.privileges.has(privilege)) continue;
    r.any = true;
    r.self = true; // every reach includes oneself
    if (kind === 'own') continue;
    if (kind === 'subordinate') {
      r.subordinates = true;
      continue;
    }
    switch (g.scope) {
      case 'self':
        break;
      case 'unit':
        add(r.units, g.unit.id);
        break;
      case 'subtree':
        add(r.subtrees, g.unit.id);
        break;
      case 'organisation':
        add(r.organisations, organisationOf(g.unit).id);
        break;
      case 'organisation_and_clients':
        add(r.organisationTrees, organisationOf(g.unit).id);
        break;
    }
  }
  return r;
}

/** Whom any of several privileges reaches: the union of their reaches (for "may view through any of them"). */
export function unionReach(reaches: readonly Reach[]): Reach {
  const merged = (pick: (r: Reach) => string[]) => [...new Set(reaches.flatMap(pick))];
  return {
    any: reaches.some((r) => r.any),
    self: reaches.some((r) => r.self),
    subordinates: reaches.some((r) => r.subordinates),
    units: merged((r) => r.units),
    subtrees: merged((r) => r.subtrees),
    organisations: merged((r) => r.organisations),
    organisationTrees: merged((r) => r.organisationTrees),
  };
}
