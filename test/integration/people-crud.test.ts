import { describe, expect, it } from 'vitest';
import { peopleListRepo } from '../../src-main/domain/people/list-repo.js';
import { reachOf } from '../../shared/permissions/scope.js';
import { loadActor } from '../../src-main/domain/auth/actor-repo.js';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

async function world() {
  const f = await orgFixture();
  const { app, u } = f;
  const manager = addPerson(app, {
    email: 'mgr@example.com',
    unitId: u('ume'),
    roleId: 'manager',
    firstName: 'Mona',
    lastName: 'Manager',
  });
  const regional = addPerson(app, {
    email: 'reg@example.com',
    unitId: u('norr'),
    roleId: 'regional-manager',
  });
  const orgAdmin = addPerson(app, {
    email: 'oa@example.com',
    unitId: u('ume'),
    roleId: 'organisation-admin',
    firstName: 'Olga',
    lastName: 'Admin',
  });
  const dept = (name: string) => {
    const id = app.ids.uuid();
    app.db.prepare('INSERT INTO department (id, name) VALUES (?, ?)').run(id, name);
    return id;
  };
  const title = (name: string) => {
    const id = app.ids.uuid();
    app.db.prepare('INSERT INTO job_title (id, name) VALUES (?, ?)').run(id, name);
    return id;
  };
  return { ...f, manager, regional, orgAdmin, dept, title };
}

const value = <T>(
  res: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T => {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};
const errorOf = (res: { ok: boolean; error?: { code: string; message: string } }) =>
  res.ok ? 'ok' : { code: res.error?.code, message: res.error?.message };

describe('creating people', () => {
  it('creates a person with every field, and they can sign in with the initial password', async () => {
    const { app, adminId, u, dept, title, manager } = await world();
    const mining = dept('Mining');
    const driller = title('Driller');
    const p = value(
      await app.invoke(
        'people.create',
        {
          email: ' Karin.Lund@Example.com ',
          firstName: 'Karin',
          lastName: 'Lund',
          employeeNo: 'E-1',
          unitId: u('ume'),
          departmentId: mining,
          jobTitleId: driller,
          managerId: manager,
          password: 'a long passphrase',
        },
        { actorId: adminId },
      ),
    );
    expect(p).toMatchObject({
      email: 'karin.lund@example.com',
      username: 'karin.lund@example.com',
      unitName: 'Umeå',
      unitPath: 'Norrland Mining / Norr / Umeå',
      department: 'Mining',
      jobTitle: 'Driller',
      managerName: 'Mona Manager',
      managerEmail: 'mgr@example.com',
      status: 'active',
      hasPassword: true,
      hasPin: false,
      grants: [],
    });
    const s = await app.invoke(
      'auth.signIn',
      { email: 'karin.lund@example.com', password: 'a long passphrase' },
      { sessionKey: 'k' },
    );
    expect(s.ok).toBe(true);
  });

  it('refuses a taken email (any case), username or employee number, naming it', async () => {
    const { app, adminId, u } = await world();
    const base = { firstName: 'A', lastName: 'B', unitId: u('ume') };
    value(
      await app.invoke(
        'people.create',
        { ...base, email: 'a@example.com', employeeNo: 'E-9' },
        { actorId: adminId },
      ),
    );
    expect(
      errorOf(await app.invoke('people.create', { ...base, email: 'A@EXAMPLE.COM' }, { actorId: adminId })),
    ).toEqual({
      code: 'conflict',
      message: 'The email a@example.com is already in use by another person.',
    });
    expect(
      errorOf(
        await app.invoke(
          'people.create',
          { ...base, email: 'b@example.com', username: 'a@example.com' },
          { actorId: adminId },
        ),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect(
      errorOf(
        await app.invoke(
          'people.create',
          { ...base, email: 'c@example.com', employeeNo: 'e-9' },
          { actorId: adminId },
        ),
      ),
    ).toEqual({ code: 'conflict', message: 'The employee number e-9 is already used by another person.' });
  });

  it('lets a Manager at Umeå add people at Umeå only', async () => {
    const { app, u, manager } = await world();
    const base = { firstName: 'A', lastName: 'B' };
    expect(
      value(
        await app.invoke(
          'people.create',
          { ...base, email: 'x@example.com', unitId: u('ume') },
          { actorId: manager },
        ),
      ).unitName,
    ).toBe('Umeå');
    const res = await app.invoke(
      'people.create',
      { ...base, email: 'y@example.com', unitId: u('lulea') },
      { actorId: manager },
    );
    expect(errorOf(res)).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Luleå is outside the scope/),
    });
  });

  it('checks that the department, job title and manager exist', async () => {
    const { app, adminId, u } = await world();
    const base = { email: 'z@example.com', firstName: 'A', lastName: 'B', unitId: u('ume') };
    for (const field of ['departmentId', 'jobTitleId', 'managerId'] as const) {
      const res = await app.invoke('people.create', { ...base, [field]: 'nope' }, { actorId: adminId });
      expect(res.ok ? [] : res.error.details).toEqual([
        { path: field, message: expect.stringMatching(/not found/) },
      ]);
    }
  });
});

describe('editing people', () => {
  it('changes only the fields sent, and the audit entry holds just those', async () => {
    const { app, adminId, people } = await world();
    const p = value(
      await app.invoke(
        'people.update',
        { id: people.umeColleague, lastName: 'Umeåsson', employeeNo: '' },
        { actorId: adminId },
      ),
    );
    expect(p).toMatchObject({ firstName: 'Ulla', lastName: 'Umeåsson', employeeNo: null });
    const last = app.db
      .prepare('SELECT summary, before, after FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as Record<string, string>;
    expect(last.summary).toBe('Changed Ulla Umeå: last_name');
    expect(JSON.parse(last.before ?? '')).toEqual({ last_name: 'Umeå' });
    expect(JSON.parse(last.after ?? '')).toEqual({ last_name: 'Umeåsson' });
  });

  it('keeps the username following the email when it was the email', async () => {
    const { app, adminId, people } = await world();
    const p = value(
      await app.invoke(
        'people.update',
        { id: people.umeColleague, email: 'ulla@example.com' },
        { actorId: adminId },
      ),
    );
    expect(p).toMatchObject({ email: 'ulla@example.com', username: 'ulla@example.com' });
  });

  it('keeps a Manager at Umeå to Umeå: no edits at Luleå, no moving people there', async () => {
    const { app, manager, people, u } = await world();
    expect(
      errorOf(
        await app.invoke('people.update', { id: people.luleaPerson, firstName: 'X' }, { actorId: manager }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const move = await app.invoke(
      'people.update',
      { id: people.umeColleague, unitId: u('lulea') },
      { actorId: manager },
    );
    expect(errorOf(move)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Luleå/) });
    expect(
      value(
        await app.invoke(
          'people.update',
          { id: people.umeColleague, firstName: 'Ulrika' },
          { actorId: manager },
        ),
      ).firstName,
    ).toBe('Ulrika');
  });

  it('lets a Regional Manager move someone between sites of their region', async () => {
    const { app, regional, people, u } = await world();
    const p = value(
      await app.invoke(
        'people.update',
        { id: people.umeColleague, unitId: u('lulea') },
        { actorId: regional },
      ),
    );
    expect(p.unitPath).toBe('Norrland Mining / Norr / Luleå');
  });

  it('stops a Manager from editing, deactivating or resetting an Organisation Admin at their own site (rank)', async () => {
    const { app, manager, orgAdmin } = await world();
    for (const [call, input] of [
      ['people.update', { id: orgAdmin, firstName: 'X' }],
      ['people.deactivate', { id: orgAdmin }],
      ['people.resetPassword', { id: orgAdmin, newPassword: 'a long passphrase' }],
      ['people.setPin', { id: orgAdmin, pin: '1234' }],
    ] as const) {
      const res = await app.invokeUntyped(call, input, { actorId: manager });
      expect(errorOf(res), call).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/higher role/),
      });
    }
    // Seeing them is still fine: rank limits changes, not viewing.
    expect((await app.invoke('people.get', { id: orgAdmin }, { actorId: manager })).ok).toBe(true);
  });

  it('refuses manager loops, naming the people', async () => {
    const { app, adminId, u } = await world();
    const mk = async (email: string, firstName: string) =>
      value(
        await app.invoke(
          'people.create',
          { email, firstName, lastName: 'Ek', unitId: u('ume') },
          { actorId: adminId },
        ),
      ).id;
    const a = await mk('a@example.com', 'Ada');
    const b = await mk('b@example.com', 'Bo');
    const c = await mk('c@example.com', 'Cia');
    value(await app.invoke('people.update', { id: a, managerId: b }, { actorId: adminId }));
    value(await app.invoke('people.update', { id: b, managerId: c }, { actorId: adminId }));
    const loop = await app.invoke('people.update', { id: c, managerId: a }, { actorId: adminId });
    expect(errorOf(loop)).toEqual({
      code: 'invalid_input',
      message:
        'Cia Ek cannot report to Ada Ek, who already reports to Cia Ek: that would make a loop (Cia Ek → Ada Ek → Bo Ek → Cia Ek).',
    });
    const two = await app.invoke('people.update', { id: b, managerId: a }, { actorId: adminId });
    expect(errorOf(two)).toMatchObject({ message: expect.stringMatching(/\(Bo Ek → Ada Ek → Bo Ek\)/) });
    const self = await app.invoke('people.update', { id: a, managerId: a }, { actorId: adminId });
    expect(errorOf(self)).toMatchObject({ message: 'Ada Ek cannot be their own manager.' });
  });
});

describe('status, passwords and PINs', () => {
  it('a deactivated person cannot sign in, drops out of the default list, and can be reactivated', async () => {
    const { app, adminId, u } = await world();
    const id = value(
      await app.invoke(
        'people.create',
        {
          email: 'k@example.com',
          firstName: 'K',
          lastName: 'L',
          unitId: u('ume'),
          password: 'a long passphrase',
        },
        { actorId: adminId },
      ),
    ).id;
    expect(value(await app.invoke('people.deactivate', { id }, { actorId: adminId })).status).toBe('left');
    const signIn = () =>
      app.invoke(
        'auth.signIn',
        { email: 'k@example.com', password: 'a long passphrase' },
        { sessionKey: 'k' },
      );
    expect(errorOf(await signIn())).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/deactivated/),
    });
    const listed = async (status: 'active' | 'left' | 'all') =>
      value(await app.invoke('people.list', { status, search: 'k@example' }, { actorId: adminId })).total;
    expect([await listed('active'), await listed('left'), await listed('all')]).toEqual([0, 1, 1]);
    value(await app.invoke('people.reactivate', { id }, { actorId: adminId }));
    expect((await signIn()).ok).toBe(true);
  });

  it('nobody deactivates themselves', async () => {
    const { app, adminId } = await world();
    expect(errorOf(await app.invoke('people.deactivate', { id: adminId }, { actorId: adminId }))).toEqual({
      code: 'forbidden',
      message: 'You cannot deactivate yourself.',
    });
  });

  it('a password reset sets the password and lifts a lockout', async () => {
    const { app, adminId, u } = await world();
    const id = value(
      await app.invoke(
        'people.create',
        {
          email: 'k@example.com',
          firstName: 'K',
          lastName: 'L',
          unitId: u('ume'),
          password: 'a long passphrase',
        },
        { actorId: adminId },
      ),
    ).id;
    for (let i = 0; i < 5; i++)
      await app.invoke(
        'auth.signIn',
        { email: 'k@example.com', password: 'wrong password!' },
        { sessionKey: 'k' },
      );
    expect(value(await app.invoke('people.get', { id }, { actorId: adminId })).lockedUntil).not.toBeNull();
    value(
      await app.invoke('people.resetPassword', { id, newPassword: 'another long one' }, { actorId: adminId }),
    );
    expect(value(await app.invoke('people.get', { id }, { actorId: adminId })).lockedUntil).toBeNull();
    const s = await app.invoke(
      'auth.signIn',
      { email: 'k@example.com', password: 'another long one' },
      { sessionKey: 'k' },
    );
    expect(s.ok).toBe(true);
  });

  it('sets and removes a kiosk PIN of 4 to 8 digits, stored hashed', async () => {
    const { app, adminId, people } = await world();
    const id = people.umeColleague;
    value(await app.invoke('people.setPin', { id, pin: '4711' }, { actorId: adminId }));
    expect(value(await app.invoke('people.get', { id }, { actorId: adminId })).hasPin).toBe(true);
    expect(app.db.prepare('SELECT pin_hash FROM person WHERE id = ?').pluck().get(id)).toMatch(/^scrypt\$/);
    expect(
      errorOf(await app.invoke('people.setPin', { id, pin: '12a4' }, { actorId: adminId })),
    ).toMatchObject({ code: 'invalid_input' });
    value(await app.invoke('people.setPin', { id, pin: null }, { actorId: adminId }));
    expect(value(await app.invoke('people.get', { id }, { actorId: adminId })).hasPin).toBe(false);
  });
});

describe('the person page and the people list', () => {
  it('shows explicit grants and static groups on the profile', async () => {
    const { app, adminId, manager, u } = await world();
    app.db
      .prepare(
        "INSERT INTO group_ (id, name, kind, owner_unit_id, created_at, updated_at) VALUES ('g1', 'First aiders', 'static', ?, 'x', 'x')",
      )
      .run(u('ume'));
    app.db.prepare("INSERT INTO group_member (group_id, person_id) VALUES ('g1', ?)").run(manager);
    const p = value(await app.invoke('people.get', { id: manager }, { actorId: adminId }));
    expect(p.grants).toEqual([
      { roleId: 'manager', roleName: 'Manager', unitId: u('ume'), unitName: 'Umeå' },
    ]);
    expect(p.groups).toEqual([{ id: 'g1', name: 'First aiders' }]);
  });

  it('filters by unit subtree, department, job title and status, sorts, pages and counts', async () => {
    const { app, adminId, u, dept, title, people } = await world();
    const mining = dept('Mining');
    const driller = title('Driller');
    value(
      await app.invoke(
        'people.update',
        { id: people.luleaPerson, departmentId: mining, jobTitleId: driller, managerId: people.umeColleague },
        { actorId: adminId },
      ),
    );
    const list = async (q: Record<string, unknown>) =>
      value(await app.invoke('people.list', { limit: 500, ...q }, { actorId: adminId }));
    const norr = await list({ unitId: u('norr') });
    expect(norr.rows.map((r) => r.email).sort()).toEqual([
      'lulea@example.com',
      'mgr@example.com',
      'oa@example.com',
      'reg@example.com',
      'ume@example.com',
    ]);
    expect((await list({ departmentId: mining })).rows.map((r) => r.email)).toEqual(['lulea@example.com']);
    const row = (await list({ jobTitleId: driller })).rows[0];
    expect(row).toMatchObject({
      unitId: u('lulea'),
      unitPath: 'Norrland Mining / Norr / Luleå',
      department: 'Mining',
      jobTitle: 'Driller',
      managerName: 'Ulla Umeå',
    });
    const byEmailDesc = await list({ sort: { by: 'email', dir: 'desc' } });
    const emails = byEmailDesc.rows.map((r) => r.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const byUnit = (await list({ sort: { by: 'unit', dir: 'asc' } })).rows.map((r) => r.unitPath);
    expect(byUnit).toEqual([...byUnit].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const page = await list({ limit: 2, offset: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(norr.total + 3); // Malmö, Acme and the administrator
  });

  it('pages 10,000 people in one pass: no per-row subqueries in the plan', async () => {
    const { app, adminId, u } = await world();
    const insert = app.db.prepare(
      "INSERT INTO person (id, email, username, first_name, last_name, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'x', 'x')",
    );
    app.db.transaction(() => {
      for (let i = 0; i < 10_000; i++)
        insert.run(
          `bulk-${i}`,
          `b${i}@example.com`,
          `b${i}@example.com`,
          `F${i}`,
          `L${i}`,
          i % 2 ? u('ume') : u('lulea'),
        );
    })();
    const actor = loadActor(app.db, adminId);
    if (!actor) throw new Error('no actor');
    const reach = reachOf(actor.grants, 'people.view');
    const repo = peopleListRepo(app.db);
    for (const by of ['name', 'unit', 'department'] as const) {
      const plan = repo.explainPage(
        { status: 'active', sort: { by, dir: 'asc' }, unitId: u('norr'), offset: 0, limit: 50 },
        reach,
        adminId,
      );
      expect(plan.join('\n'), by).not.toMatch(/CORRELATED/);
      // unit paths are joined by id (an index on the CTE), never recomputed per person
      expect(plan.join('\n'), by).toMatch(/SEARCH up USING AUTOMATIC COVERING INDEX \(id=\?\)/);
    }
    const res = value(
      await app.invoke('people.list', { unitId: u('norr'), limit: 50, offset: 10_000 }, { actorId: adminId }),
    );
    expect(res.total).toBe(10_000 + 5);
    expect(res.rows).toHaveLength(5);
  });
});
