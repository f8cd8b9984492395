import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/api/contract.js';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';
import { addPerson, setUpApp } from '../helpers/app.js';

/**
 * Generated from the contract: every call × every built-in role. A call that
 * needs a privilege must be refused (forbidden) exactly for the roles without it
 * and never refused for lack of permission to those with it. Scope (in/out of
 * scope targets) is checked per call where targets exist.
 */
describe('permission matrix', async () => {
  const { app, orgId } = await setUpApp();
  const people = Object.fromEntries(
    BUILTIN_ROLES.map((r) => [
      r.id,
      addPerson(app, { email: `${r.id}@example.com`, roleId: r.id, unitId: orgId }),
    ]),
  );
  const noRole = addPerson(app, { email: 'norole@example.com', unitId: orgId });

  for (const call of callNames) {
    const spec = contract[call];
    if (spec.access === 'public' || spec.access === 'authenticated') continue;
    describe(call, () => {
      for (const role of BUILTIN_ROLES) {
        const allowed = role.privileges.includes(spec.access);
        it(`${allowed ? 'allows' : 'refuses'} ${role.name}`, async () => {
          const res = await app.invokeUntyped(call, {}, { actorId: people[role.id] ?? '' });
          const refused = !res.ok && res.error.code === 'forbidden';
          expect(refused).toBe(!allowed);
        });
      }
      it('refuses a person with no role at all', async () => {
        const res = await app.invokeUntyped(call, {}, { actorId: noRole });
        expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
      });
      it('refuses anyone not signed in', async () => {
        const res = await app.invokeUntyped(call, {}, {});
        expect(res.ok ? 'ok' : res.error.code).toBe('unauthenticated');
      });
    });
  }

  it('covers every call in the contract with an access rule', () => {
    for (const call of callNames) expect(contract[call].access, call).toBeTruthy();
  });
});

describe('people.list scope', async () => {
  const { app, orgId } = await setUpApp();
  const { orgRepo } = await import('../../src-main/domain/org/repo.js');
  const org = orgRepo(app.db);
  const now = app.clock.now().toISOString();
  const unit = (name: string, parentId: string, kind: 'region' | 'site') => {
    const id = app.ids.uuid();
    org.insertUnit({ id, parentId, kind, name, now });
    return id;
  };
  const norr = unit('Norr', orgId, 'region');
  const ume = unit('Umeå', norr, 'site');
  const lulea = unit('Luleå', norr, 'site');
  const syd = unit('Syd', orgId, 'region');
  const malmo = unit('Malmö', syd, 'site');
  for (const [u, n] of [
    [ume, 'ume'],
    [lulea, 'lulea'],
    [malmo, 'malmo'],
  ] as const)
    addPerson(app, { email: `${n}@example.com`, unitId: u, roleId: 'member' });
  const siteManager = addPerson(app, { email: 'mgr@example.com', unitId: ume, roleId: 'manager' });
  const regional = addPerson(app, {
    email: 'regional@example.com',
    unitId: norr,
    roleId: 'regional-manager',
  });

  const emails = async (actorId: string) => {
    const res = await app.invoke('people.list', { limit: 500 }, { actorId });
    if (!res.ok) throw new Error(res.error.message);
    return res.value.rows.map((r) => r.email).sort();
  };

  it('a Manager sees their own unit only', async () => {
    expect(await emails(siteManager)).toEqual(['mgr@example.com', 'ume@example.com']);
  });

  it('a Regional Manager sees the whole region, not the other one', async () => {
    const seen = await emails(regional);
    expect(seen).toEqual(
      expect.arrayContaining(['ume@example.com', 'lulea@example.com', 'regional@example.com']),
    );
    expect(seen).not.toContain('malmo@example.com');
  });
});
