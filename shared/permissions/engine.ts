import { privilegeInfo, type Privilege } from './privileges.js';
import type { Scope } from './roles.js';

/**
 * The one permission engine: pure functions over plain facts, so the
 * dispatcher, the SQL filters, the "effective permissions" screen and the
 * property tests all agree on who may do what to whom.
 */

export interface UnitRef {
  id: string;
  name: string;
  kind: string;
}

/** A unit with the chain above it, nearest parent first, ending at the root. */
export interface UnitFacts extends UnitRef {
  ancestors: readonly UnitRef[];
}

export interface EngineGrant {
  roleId: string;
  roleName: string;
  rank: number;
  scope: Scope;
  unit: UnitFacts;
  privileges: ReadonlySet<Privilege>;
  /** Why a grant exists without being granted: home unit, or Member above a grant lower down. */
  implied?: 'home-unit' | 'ancestor';
}

export interface EngineActor {
  id: string;
  grants: readonly EngineGrant[];
}

export type Target =
  | { kind: 'none' }
  | { kind: 'unit'; unit: UnitFacts }
  | {
      kind: 'person';
      id: string;
      name: string;
      unit: UnitFacts;
      /** The person's manager, their manager's manager, and so on. */
      managerChain: readonly string[];
      /** The highest rank among the person's explicit grants (0 with none). */
      rank: number;
    };

export interface Decision {
  allowed: boolean;
  /** The grant that allows it, when allowed. */
  via?: EngineGrant;
  /** One sentence a person can read. */
  reason: string;
}

const isOrgKind = (kind: string) => kind === 'organisation' || kind === 'client';

/** The organisation (or client organisation) a unit belongs to: the nearest one at or above it. */
export function organisationOf(unit: UnitFacts): UnitRef {
  if (isOrgKind(unit.kind)) return unit;
  return unit.ancestors.find((a) => isOrgKind(a.kind)) ?? unit.ancestors[unit.ancestors.length - 1] ?? unit;
}

const chainOf = (unit: UnitFacts): UnitRef[] => [unit, ...unit.ancestors];

/** Whether a unit lies within the scope of a grant (for `scoped` privileges). */
export function scopeCoversUnit(grant: EngineGrant, unit: UnitFacts): boolean {
  switch (grant.scope) {
    case 'self':
      return false;
    case 'unit':
      return unit.id === grant.unit.id;
    case 'subtree':
      return chainOf(unit).some((u) => u.id === grant.unit.id);
    case 'organisation': {
      // The grant's organisation, but not client organisations below it (they have their own admins).
      const org = organisationOf(grant.unit);
      return organisationOf(unit).id === org.id;
    }
    case 'organisation_and_clients': {
      const org = organisationOf(grant.unit);
      return chainOf(unit).some((u) => u.id === org.id);
    }
  }
}

function grantReaches(actor: EngineActor, grant: EngineGrant, privilege: Privilege, target: Target): boolean {
  if (!grant.privileges.has(privilege)) return false;
  if (target.kind === 'none') return true;
  const reach = privilegeInfo(privilege).reach;
  if (target.kind === 'unit') return reach === 'scoped' && scopeCoversUnit(grant, target.unit);
  if (target.id === actor.id) return true; // every reach includes oneself
  if (reach === 'own') return false;
  if (reach === 'subordinate') return target.managerChain.includes(actor.id);
  return scopeCoversUnit(grant, target.unit);
}

const SCOPE_WORDS: Record<Scope, string> = {
  self: 'only themselves',
  unit: 'that unit',
  subtree: 'that unit and everything below it',
  organisation: 'the whole organisation',
  organisation_and_clients: 'the organisation and its clients',
};

export const describeGrant = (g: EngineGrant): string =>
  `${g.roleName} at ${g.unit.name}${g.implied === 'home-unit' ? ' (home unit)' : g.implied === 'ancestor' ? ' (implied by a role below it)' : ''}`;

const targetName = (t: Target) => (t.kind === 'person' ? t.name : t.kind === 'unit' ? t.unit.name : 'this');

/** Reasons are told about someone ("they", for explanations) or to the actor ("you", for refusals). */
export type Voice = 'they' | 'you';
const words = (v: Voice) =>
  v === 'you'
    ? { They: 'You', they: 'you', their: 'your', them: 'you', do: 'do' }
    : { They: 'They', they: 'they', their: 'their', them: 'them', do: 'does' };

/** May the actor use this privilege on this target? With the grant that allows it, and why. */
export function can(
  actor: EngineActor,
  privilege: Privilege,
  target: Target,
  voice: Voice = 'they',
): Decision {
  const w = words(voice);
  const holding = actor.grants.filter((g) => g.privileges.has(privilege));
  if (holding.length === 0)
    return { allowed: false, reason: `No role ${w.they} hold carries “${privilegeInfo(privilege).label}”.` };
  const via = holding.find((g) => grantReaches(actor, g, privilege, target));
  if (via) {
    const how =
      target.kind === 'none'
        ? ''
        : target.kind === 'person' && target.id === actor.id
          ? `, for ${w.them}self`
          : privilegeInfo(privilege).reach === 'subordinate'
            ? `, because ${targetName(target)} reports to ${w.them}`
            : `, whose scope (${SCOPE_WORDS[via.scope]}) includes ${targetName(target)}`;
    return { allowed: true, via, reason: `Allowed through ${describeGrant(via)}${how}.` };
  }
  const reach = privilegeInfo(privilege).reach;
  const why =
    reach === 'own'
      ? `it only covers ${w.their} own`
      : reach === 'subordinate'
        ? `${targetName(target)} is not among ${w.their} reports`
        : `${targetName(target)} is outside the scope of ${holding.map(describeGrant).join(', ')}`;
  return { allowed: false, reason: `${w.They} hold “${privilegeInfo(privilege).label}”, but ${why}.` };
}

/** The highest rank among explicit grants; implied Member grants do not make anyone senior. */
export const rankOf = (grants: readonly EngineGrant[]): number =>
  grants.filter((g) => !g.implied).reduce((max, g) => Math.max(max, g.rank), 0);

/**
 * `004_*`'s rank rules: a user may change someone (profile, status, password,
 * grants) only if that person ranks no higher than the user.
 */
export function canManagePerson(
  actor: EngineActor,
  privilege: Privilege,
  target: Extract<Target, { kind: 'person' }>,
  voice: Voice = 'they',
): Decision {
  const d = can(actor, privilege, target, voice);
  if (!d.allowed) return d;
  const w = words(voice);
  if (target.rank > rankOf(actor.grants)) {
    return {
      allowed: false,
      reason: `${target.name} holds a higher role than ${w.they} ${w.do}, so ${w.they} cannot change ${target.name}.`,
    };
  }
  return d;
}

/**
 * May the actor grant (or remove) a role of this rank at this unit? They need
 * `grants.manage` reaching the unit, through a grant ranked at least as high as
 * the role, and never for themselves: nobody can widen their own access.
 */
export function canGrant(
  actor: EngineActor,
  role: { name: string; rank: number },
  unit: UnitFacts,
  person: Extract<Target, { kind: 'person' }>,
  voice: Voice = 'they',
): Decision {
  const w = words(voice);
  if (person.id === actor.id) return { allowed: false, reason: 'Nobody can change their own roles.' };
  const manage = canManagePerson(actor, 'grants.manage', person, voice);
  if (!manage.allowed) return manage;
  const atUnit = actor.grants.filter((g) => g.privileges.has('grants.manage') && scopeCoversUnit(g, unit));
  if (atUnit.length === 0)
    return { allowed: false, reason: `${unit.name} is outside the units where ${w.they} can grant roles.` };
  const best = atUnit.reduce((a, b) => (b.rank > a.rank ? b : a));
  if (role.rank > best.rank) {
    return {
      allowed: false,
      reason: `${role.name} ranks above ${w.their} own role (${best.roleName}) at ${unit.name}.`,
    };
  }
  return { allowed: true, via: best, reason: `Allowed through ${describeGrant(best)}.` };
}
