import { describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/api/contract.js';
import { BUILTIN_ROLES, type Scope } from '../../shared/permissions/roles.js';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

/**
 * Generated from the contract: every call × every built-in role. A role without
 * the call's privilege is refused (forbidden); a role with it is never refused
 * for lack of permission. Calls that act on a person or unit are also tried on a
 * target inside the role's scope (not refused) and outside it (refused): a call
 * with a target needs an example below, and this test fails until it has one.
 */
type Target = { person: string; unit: string };
const EXAMPLES: Partial<Record<CallName, (t: Target) => unknown>> = {
  'grants.grantable': (t) => ({ personId: t.person }),
  'grants.add': (t) => ({ personId: t.person, roleId: 'member', unitId: t.unit }),
  'grants.remove': (t) => ({ personId: t.person, roleId: 'member', unitId: t.unit }),
  'permissions.effective': (t) => ({ personId: t.person }),
  'permissions.explain': (t) => ({ personId: t.person, privilege: 'people.view' }),
  'people.get': (t) => ({ id: t.person }),
  'people.create': (t) => ({
    email: `new-${t.person}-${t.unit}@example.com`,
    firstName: 'N',
    lastName: 'P',
    unitId: t.unit,
  }),
  'people.update': (t) => ({ id: t.person, firstName: 'Renamed' }),
  'certificates.issue': (t) => ({
    personId: t.person,
    title: 'Matrix certificate',
    completedOn: '2026-01-01',
    reason: 'Permission matrix',
  }),
  'people.deactivate': (t) => ({ id: t.person }),
  'people.reactivate': (t) => ({ id: t.person }),
  'people.resetPassword': (t) => ({ id: t.person, newPassword: 'a long new passphrase' }),
  'people.setPin': (t) => ({ id: t.person, pin: '1234' }),
  // Unit examples never change the tree: the matrix units all have people, and a move under itself is refused.
  'units.create': (t) => ({ parentId: t.unit, name: 'Matrix unit' }),
  'units.update': (t) => ({ id: t.unit }),
  'units.move': (t) => ({ id: t.unit, parentId: t.unit }),
  'units.archive': (t) => ({ id: t.unit }),
  'units.restore': (t) => ({ id: t.unit }),
  'units.delete': (t) => ({ id: t.unit }),
  'groups.create': (t) => ({ kind: 'static', name: 'Matrix group', ownerUnitId: t.unit }),
  'modules.create': (t) => ({
    code: `M-${t.unit.slice(-6)}`,
    title: 'Matrix module',
    kind: 'course',
    ownerUnitId: t.unit,
  }),
  'results.attempts': (t) => ({ personId: t.person }),
  'compliance.person': (t) => ({ personId: t.person }),
  'compliance.cell': (t) => ({ personId: t.person, moduleId: 'no-such-module' }),
  'results.resetAttempts': (t) => ({
    personId: t.person,
    moduleId: 'no-such-module',
    reason: 'matrix check',
  }),
};

describe('permission matrix', async () => {
  const f = await orgFixture();
  const { app, u, people } = f;
  // Where each scope's holder is granted, and whom it should and should not reach.
  const placement: Record<Scope, { unit: string; inside: string | null; outside: string | null }> = {
    self: { unit: u('ume'), inside: null, outside: people.luleaPerson },
    unit: { unit: u('ume'), inside: people.umeColleague, outside: people.luleaPerson },
    subtree: { unit: u('norr'), inside: people.luleaPerson, outside: people.malmoPerson },
    organisation: { unit: u('org'), inside: people.malmoPerson, outside: people.clientPerson },
    organisation_and_clients: { unit: u('org'), inside: people.clientPerson, outside: null },
  };
  const unitOf = (personId: string) =>
    app.db.prepare('SELECT unit_id FROM person WHERE id = ?').pluck().get(personId) as string;
  const actors = Object.fromEntries(
    BUILTIN_ROLES.map((r) => {
      const id = addPerson(app, {
        email: `${r.id}@example.com`,
        unitId: placement[r.scope].unit,
        roleId: r.id,
      });
      return [r.id, id];
    }),
  );
  const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

  it('has an example input for every call that acts on a person or unit', () => {
    const missing = callNames.filter((c) => 'target' in contract[c] && !EXAMPLES[c]);
    expect(missing, 'add an example to EXAMPLES for these calls').toEqual([]);
  });

  for (const call of callNames) {
    const spec = contract[call];
    if (spec.access === 'public') continue;
    describe(call, () => {
      it('refuses anyone not signed in', async () => {
        expect(code(await app.invokeUntyped(call, {}, {}))).toBe('unauthenticated');
      });
      if (spec.access === 'authenticated') return;
      const privilege = spec.access;
      for (const role of BUILTIN_ROLES) {
        const holds = role.privileges.includes(privilege);
        const actorId = () => actors[role.id] ?? '';
        it(`${holds ? 'lets' : 'refuses'} ${role.name}`, async () => {
          const res = await app.invokeUntyped(call, {}, { actorId: actorId() });
          expect(code(res) === 'forbidden', JSON.stringify(res)).toBe(!holds);
        });
        const example = EXAMPLES[call];
        if (!holds || !example) continue;
        const { inside, outside } = placement[role.scope];
        if (inside) {
          it(`lets ${role.name} act on someone in scope`, async () => {
            const res = await app.invokeUntyped(call, example({ person: inside, unit: unitOf(inside) }), {
              actorId: actorId(),
            });
            expect(code(res), JSON.stringify(res)).not.toBe('forbidden');
          });
        }
        if (outside) {
          it(`refuses ${role.name} on someone out of scope`, async () => {
            const res = await app.invokeUntyped(call, example({ person: outside, unit: unitOf(outside) }), {
              actorId: actorId(),
            });
            expect(code(res), JSON.stringify(res)).toBe('forbidden');
          });
        }
      }
    });
  }
});

describe('lists are filtered by scope in SQL', async () => {
  const { app, u, people } = await orgFixture();
  const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const regional = addPerson(app, {
    email: 'regional@example.com',
    unitId: u('norr'),
    roleId: 'regional-manager',
  });
  const orgAdmin = addPerson(app, {
    email: 'orgadmin@example.com',
    unitId: u('org'),
    roleId: 'organisation-admin',
  });
  const emails = async (actorId: string) => {
    const res = await app.invoke('people.list', { limit: 500 }, { actorId });
    if (!res.ok) throw new Error(res.error.message);
    return res.value.rows.map((r) => r.email).sort();
  };

  it('a Manager sees their own unit only', async () => {
    expect(await emails(manager)).toEqual(['mgr@example.com', 'ume@example.com']);
  });

  it('a Regional Manager sees the whole region, not the other one', async () => {
    const seen = await emails(regional);
    expect(seen).toEqual(
      expect.arrayContaining(['ume@example.com', 'lulea@example.com', 'regional@example.com']),
    );
    expect(seen).not.toContain('malmo@example.com');
  });

  it('an Organisation Admin sees the organisation but not its client organisations', async () => {
    const seen = await emails(orgAdmin);
    expect(seen).toContain('malmo@example.com');
    expect(seen).not.toContain('acme@example.com');
    expect(people.clientPerson).toBeTruthy();
  });

  it('grant lists follow the same scope', async () => {
    const res = await app.invoke('grants.list', { limit: 500 }, { actorId: manager });
    expect(res.ok && res.value.rows.every((g) => g.unitPath.includes('Umeå'))).toBe(true);
  });
});
