import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  can,
  canGrant,
  organisationOf,
  rankOf,
  type EngineGrant,
  type Target,
  type UnitFacts,
} from '../../shared/permissions/engine.js';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';

/** A random unit tree: unit 0 is the organisation; each later unit hangs under an earlier one; some top-level ones are clients. */
const treeArb = fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 14 }).map((spec) => {
  const parents: (number | null)[] = [null];
  const kinds: string[] = ['organisation'];
  spec.forEach(([p, client], i) => {
    const parent = p % (i + 1);
    parents.push(parent);
    kinds.push(parent === 0 && client ? 'client' : 'site');
  });
  const facts = (i: number): UnitFacts => {
    const ancestors = [];
    for (let p = parents[i]; p !== null && p !== undefined; p = parents[p] ?? null) {
      ancestors.push({ id: `u${p}`, name: `U${p}`, kind: kinds[p] ?? 'site' });
    }
    return { id: `u${i}`, name: `U${i}`, kind: kinds[i] ?? 'site', ancestors };
  };
  return { size: parents.length, facts };
});

const grantOf = (roleIndex: number, unit: UnitFacts): EngineGrant => {
  const r = BUILTIN_ROLES[roleIndex % BUILTIN_ROLES.length] ?? BUILTIN_ROLES[0]!;
  return {
    roleId: r.id,
    roleName: r.name,
    rank: r.rank,
    scope: r.scope,
    unit,
    privileges: new Set(r.privileges),
  };
};

const personAt = (
  id: string,
  unit: UnitFacts,
  rank = 10,
  managerChain: string[] = [],
): Extract<Target, { kind: 'person' }> => ({
  kind: 'person',
  id,
  name: id,
  unit,
  managerChain,
  rank,
});

const inChain = (unitId: string, t: UnitFacts) => t.id === unitId || t.ancestors.some((a) => a.id === unitId);

describe('permission engine (properties over random trees and grants)', () => {
  it('never lets a scoped privilege leak outside the grant’s scope', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), fc.nat(), (tree, roleIndex, grantAt, targetAt) => {
        const gUnit = tree.facts(grantAt % tree.size);
        const tUnit = tree.facts(targetAt % tree.size);
        const grant = grantOf(roleIndex, gUnit);
        const actor = { id: 'actor', grants: [grant] };
        const d = can(actor, 'people.view', personAt('target', tUnit));
        if (!d.allowed) return true;
        switch (grant.scope) {
          case 'self':
            return false;
          case 'unit':
            return tUnit.id === gUnit.id;
          case 'subtree':
            return inChain(gUnit.id, tUnit);
          case 'organisation':
            return organisationOf(tUnit).id === organisationOf(gUnit).id;
          case 'organisation_and_clients':
            return inChain(organisationOf(gUnit).id, tUnit);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches everything inside the scope (no false refusals)', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), (tree, grantAt, targetAt) => {
        const gUnit = tree.facts(grantAt % tree.size);
        const tUnit = tree.facts(targetAt % tree.size);
        const regional = BUILTIN_ROLES.findIndex((r) => r.id === 'regional-manager');
        const d = can(
          { id: 'actor', grants: [grantOf(regional, gUnit)] },
          'people.view',
          personAt('target', tUnit),
        );
        return d.allowed === inChain(gUnit.id, tUnit);
      }),
      { numRuns: 1000 },
    );
  });

  it('subordinate privileges follow the manager chain and nothing else', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.array(fc.constantFrom('a', 'b', 'actor', 'c'), { maxLength: 4 }),
        (tree, chain) => {
          const member = grantOf(0, tree.facts(0));
          const d = can(
            { id: 'actor', grants: [member] },
            'records.view.subordinate',
            personAt('target', tree.facts(0), 10, chain),
          );
          return d.allowed === chain.includes('actor');
        },
      ),
    );
  });

  it('rank rules: nobody grants above their rank, to themselves, or to someone ranked above them', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (tree, actorRole, roleToGrant, at, targetRank, self) => {
          const unit = tree.facts(at % tree.size);
          const actor = { id: 'actor', grants: [grantOf(actorRole, tree.facts(0))] };
          const role = BUILTIN_ROLES[roleToGrant % BUILTIN_ROLES.length]!;
          const person = personAt(self ? 'actor' : 'target', unit, (targetRank % 6) * 10);
          const d = canGrant(actor, role, unit, person);
          if (!d.allowed) return true;
          return (
            role.rank <= rankOf(actor.grants) && person.id !== 'actor' && person.rank <= rankOf(actor.grants)
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('explains refusals in a sentence that names the reason', () => {
    const tree = {
      ume: {
        id: 'ume',
        name: 'Umeå',
        kind: 'site',
        ancestors: [{ id: 'org', name: 'Org', kind: 'organisation' }],
      },
    };
    const lulea: UnitFacts = { id: 'lulea', name: 'Luleå', kind: 'site', ancestors: tree.ume.ancestors };
    const manager = grantOf(
      BUILTIN_ROLES.findIndex((r) => r.id === 'manager'),
      tree.ume,
    );
    const d = can({ id: 'm', grants: [manager] }, 'people.manage', personAt('Lars', lulea));
    expect(d).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('Lars is outside the scope of Manager at Umeå'),
    });
    const member = grantOf(0, tree.ume);
    expect(can({ id: 'm', grants: [member] }, 'people.manage', personAt('Lars', lulea)).reason).toMatch(
      /No role they hold carries/,
    );
  });
});
