import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import type { Privilege } from '../../shared/permissions/privileges.js';
import { addPerson, type TestApp } from '../helpers/app.js';
import { unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

/**
 * The seven permissions of `000_*`, each held alone on top of what every person
 * has as a Member (view own, view subordinate, edit own):
 *   Mia      Member at Umeå; Ulla reports to her
 *   Mats     built-in Manager at Umeå; Lars (Luleå) reports to him, and Kim (Luleå) to Lars
 *   Sam      custom role with only "add/edit/delete subordinate records"; Maja (Malmö) reports to him
 *   Vera     custom role with only "view all training records", organisation-wide
 *   Eve      custom role with only "add/edit/delete everyone's training records", organisation-wide
 *   Ada      custom role with only "Training Record administrator", organisation-wide
 */
async function privilegesWorld() {
  const f = await orgFixture();
  const { app, u, people, adminId } = f;
  const person = (email: string, firstName: string, unit: string, roleId?: string) =>
    addPerson(app, { email, firstName, lastName: 'Test', unitId: u(unit), ...(roleId ? { roleId } : {}) });
  const onlyRole = async (name: string, privilege: Privilege) => {
    const copy = unwrapOk(
      await app.invoke('roles.copy', { fromId: 'organisation-admin', name }, { actorId: adminId }),
    );
    unwrapOk(
      await app.invoke('roles.update', { id: copy.id, privileges: [privilege] }, { actorId: adminId }),
    );
    return copy.id;
  };
  const mia = person('mia@example.com', 'Mia', 'ume');
  const mats = person('mats@example.com', 'Mats', 'ume', 'manager');
  const kim = person('kim@example.com', 'Kim', 'lulea');
  const sam = person(
    'sam@example.com',
    'Sam',
    'malmo',
    await onlyRole('Subordinate editor', 'records.edit.subordinate'),
  );
  const vera = person('vera@example.com', 'Vera', 'org', await onlyRole('Record viewer', 'records.view.all'));
  const eve = person('eve@example.com', 'Eve', 'org', await onlyRole('Record editor', 'records.edit.all'));
  const ada = person(
    'ada@example.com',
    'Ada',
    'org',
    await onlyRole('Record administrator', 'records.admin'),
  );
  const setManager = (id: string, managerId: string) =>
    app.db.prepare('UPDATE person SET manager_id = ? WHERE id = ?').run(managerId, id);
  setManager(people.umeColleague, mia);
  setManager(people.luleaPerson, mats);
  setManager(kim, people.luleaPerson);
  setManager(people.malmoPerson, sam);

  const add = async (
    personId: string,
    title: string,
    actorId = adminId,
    extra: Partial<CallInput<'records.addExternal'>> = {},
  ) =>
    app.invoke(
      'records.addExternal',
      {
        personId,
        recordType: 'certificate',
        title,
        provider: 'Red Cross',
        completionDate: '2025-06-01',
        ...extra,
      },
      { actorId },
    );
  const rec: Record<string, string> = {};
  for (const [key, id] of Object.entries({
    ulla: people.umeColleague,
    lars: people.luleaPerson,
    maja: people.malmoPerson,
    mia,
    mats,
    kim,
    sam,
  }))
    rec[key] = unwrapOk(await add(id, `${key} first aid`)).id;
  return { ...f, mia, mats, kim, sam, vera, eve, ada, add, rec, r: (k: string) => rec[k] ?? '' };
}

const titles = async (app: TestApp, actorId: string) => {
  const res = unwrapOk(await app.invoke('records.list', { limit: 500 }, { actorId }));
  return res.rows.map((r) => r.title).sort();
};

describe('the seven training record permissions of 000_*', async () => {
  const w = await privilegesWorld();
  const { app, people, r } = w;
  const update = (id: string, actorId: string) =>
    app.invoke('records.update', { id, otherInfo: 'Checked' }, { actorId });
  const del = (id: string, actorId: string) => app.invoke('records.delete', { id }, { actorId });
  const get = (id: string, actorId: string) => app.invoke('records.get', { id }, { actorId });

  it('view own and add/edit/delete own: a person with no role sees and changes only their own record', async () => {
    expect(await titles(app, w.kim)).toEqual(['kim first aid']);
    expect(code(await get(r('lars'), w.kim))).toBe('forbidden');
    const mine = unwrapOk(await w.add(w.kim, 'Kim forklift', w.kim));
    expect(mine.canEdit).toBe(true);
    expect(code(await update(mine.id, w.kim))).toBe('ok');
    expect(code(await del(mine.id, w.kim))).toBe('ok');
    expect(code(await w.add(people.luleaPerson, 'Not mine', w.kim))).toBe('forbidden');
  });

  it('view subordinate: a Member sees their reports’ records but cannot change them', async () => {
    expect(await titles(app, w.mia)).toEqual(['mia first aid', 'ulla first aid']);
    expect(unwrapOk(await get(r('ulla'), w.mia)).canEdit).toBe(false);
    expect(code(await update(r('ulla'), w.mia))).toBe('forbidden');
    expect(code(await del(r('ulla'), w.mia))).toBe('forbidden');
    expect(code(await w.add(people.umeColleague, 'For Ulla', w.mia))).toBe('forbidden');
  });

  it('a Manager sees and edits their subordinates down the manager chain, wherever they work', async () => {
    const seen = await titles(app, w.mats);
    // Lars and Kim (Luleå) through the chain; Umeå through the Manager's unit scope; never Malmö.
    expect(seen).toEqual(
      expect.arrayContaining(['kim first aid', 'lars first aid', 'mats first aid', 'ulla first aid']),
    );
    expect(seen).not.toContain('maja first aid');
    expect(code(await update(r('kim'), w.mats))).toBe('ok');
    expect(code(await update(r('maja'), w.mats))).toBe('forbidden');
  });

  it('add/edit/delete subordinate records, alone, reaches only the holder’s reports', async () => {
    expect(code(await update(r('maja'), w.sam))).toBe('ok');
    expect(code(await w.add(people.malmoPerson, 'Maja fire warden', w.sam))).toBe('ok');
    expect(code(await update(r('ulla'), w.sam))).toBe('forbidden');
    expect(code(await del(r('maja'), w.sam))).toBe('ok');
  });

  it('view all training records shows everyone’s without the right to change them', async () => {
    const seen = await titles(app, w.vera);
    expect(seen).toEqual(
      expect.arrayContaining(['kim first aid', 'lars first aid', 'mia first aid', 'ulla first aid']),
    );
    expect(unwrapOk(await get(r('ulla'), w.vera)).canEdit).toBe(false);
    expect(code(await update(r('ulla'), w.vera))).toBe('forbidden');
  });

  it('add/edit/delete everyone’s training records lets the holder change anyone’s', async () => {
    expect(code(await update(r('lars'), w.eve))).toBe('ok');
    const added = unwrapOk(await w.add(w.mia, 'Mia evacuation drill', w.eve));
    expect(code(await del(added.id, w.eve))).toBe('ok');
    // Whoever may change everyone's records sees them all, as the administrator does.
    expect(await titles(app, w.eve)).toEqual(await titles(app, w.ada));
  });

  it('a Training Record administrator may do everything to every record', async () => {
    const seen = await titles(app, w.ada);
    expect(seen).toEqual(
      expect.arrayContaining(['kim first aid', 'lars first aid', 'mats first aid', 'ulla first aid']),
    );
    expect(unwrapOk(await get(r('kim'), w.ada)).canEdit).toBe(true);
    expect(code(await update(r('kim'), w.ada))).toBe('ok');
    const added = unwrapOk(await w.add(people.umeColleague, 'Ulla CPR', w.ada));
    expect(code(await del(added.id, w.ada))).toBe('ok');
    expect(code(await del(r('kim'), w.ada))).toBe('ok');
  });
});
