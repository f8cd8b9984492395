import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Privilege } from '../../shared/permissions/privileges.js';
import { BUILTIN_ROLES, type Scope } from '../../shared/permissions/roles.js';
import { reachOf } from '../../shared/permissions/scope.js';

const grant = (scope: Scope, unitId: string, privileges: Privilege[]) => ({
  scope,
  unitId,
  privileges: new Set(privileges),
});

describe('reach of a privilege', () => {
  it('is nothing without a grant that carries it', () => {
    expect(reachOf([grant('organisation', 'org', ['learning.take'])], 'people.view')).toEqual({
      kind: 'none',
    });
  });

  it('unions unit, subtree and self grants', () => {
    const r = reachOf(
      [
        grant('unit', 'ume', ['people.view']),
        grant('subtree', 'norr', ['people.view']),
        grant('self', 'x', ['people.view']),
      ],
      'people.view',
    );
    expect(r).toEqual({ kind: 'some', self: true, units: ['ume'], subtrees: ['norr'] });
  });

  it('adding a grant never narrows what a person reaches (property)', () => {
    const scopes: Scope[] = ['self', 'unit', 'subtree', 'organisation', 'organisation_and_clients'];
    const g = fc.record({
      scope: fc.constantFrom(...scopes),
      unitId: fc.constantFrom('a', 'b', 'c'),
      withPriv: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(g, { maxLength: 6 }), g, (grants, extra) => {
        const mk = (x: typeof extra) => grant(x.scope, x.unitId, x.withPriv ? ['people.view'] : []);
        const before = reachOf(grants.map(mk), 'people.view');
        const after = reachOf([...grants.map(mk), mk(extra)], 'people.view');
        if (before.kind === 'all') return after.kind === 'all';
        if (before.kind === 'none') return true;
        if (after.kind !== 'some') return after.kind === 'all';
        return (
          (!before.self || after.self) &&
          before.units.every((u) => after.units.includes(u)) &&
          before.subtrees.every((u) => after.subtrees.includes(u))
        );
      }),
    );
  });
});

describe('built-in roles', () => {
  it('rank in the order of 004: Member < Manager < Regional Manager < Organisation Admin < Master Admin', () => {
    const rank = (id: string) => BUILTIN_ROLES.find((r) => r.id === id)?.rank ?? -1;
    expect(rank('member')).toBeLessThan(rank('manager'));
    expect(rank('manager')).toBeLessThan(rank('regional-manager'));
    expect(rank('regional-manager')).toBeLessThan(rank('organisation-admin'));
    expect(rank('organisation-admin')).toBeLessThan(rank('master-admin'));
  });

  it('give every Reports-Only variant the scope of its counterpart and no write privileges', () => {
    for (const r of BUILTIN_ROLES.filter((x) => x.reportsOnly)) {
      const base = BUILTIN_ROLES.find((x) => `${x.id}-reports` === r.id);
      expect(base?.scope, r.id).toBe(r.scope);
      expect(
        r.privileges.filter((p) => /manage|import|edit\.(subordinate|all)|record$/.test(p)),
        r.id,
      ).toEqual([]);
      expect(r.privileges).toContain('reports.view');
    }
  });
});
