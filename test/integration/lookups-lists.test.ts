import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { failure, ok } from '../helpers/units.js';

async function setUp() {
  const f = await orgFixture();
  const as = { actorId: f.adminId };
  const dept = async (name: string) =>
    ok(await f.app.invoke('lookups.create', { list: 'department', name }, as)).id;
  const file = (personId: string, column: 'department_id' | 'job_title_id', id: string) =>
    f.app.db.prepare(`UPDATE person SET ${column} = ? WHERE id = ?`).run(id, personId);
  return { ...f, as, dept, file };
}

describe('departments and job titles', () => {
  it('creates, lists with people counts, and refuses a second name differing only in case', async () => {
    const { app, as, dept, file, people } = await setUp();
    const welding = await dept('Welding');
    file(people.umeColleague, 'department_id', welding);
    file(people.luleaPerson, 'department_id', welding);
    const rows = ok(await app.invoke('lookups.list', { list: 'department' }, as)).rows;
    expect(rows).toEqual([{ id: welding, name: 'Welding', archived: false, peopleCount: 2 }]);
    const dup = failure(await app.invoke('lookups.create', { list: 'department', name: ' welding ' }, as));
    expect(dup).toMatchObject({ code: 'conflict' });
  });

  it('counts people only within the scope of whoever asks', async () => {
    const { app, u, dept, file, people } = await setUp();
    const welding = await dept('Welding');
    file(people.umeColleague, 'department_id', welding);
    file(people.malmoPerson, 'department_id', welding);
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const rows = ok(await app.invoke('lookups.list', { list: 'department' }, { actorId: mgr })).rows;
    expect(rows[0]?.peopleCount).toBe(1);
  });

  it('renames, refusing a name another entry has', async () => {
    const { app, as, dept } = await setUp();
    const a = await dept('Welding');
    await dept('Mining');
    expect(
      ok(await app.invoke('lookups.rename', { list: 'department', id: a, name: 'WELDING' }, as)).name,
    ).toBe('WELDING');
    const clash = failure(
      await app.invoke('lookups.rename', { list: 'department', id: a, name: 'mining' }, as),
    );
    expect(clash.code).toBe('conflict');
  });

  it('merges one department into another: everyone moves, the first disappears, rules follow', async () => {
    const { app, as, dept, file, people, orgId } = await setUp();
    const a = await dept('Welding dept.');
    const b = await dept('Welding');
    file(people.umeColleague, 'department_id', a);
    file(people.malmoPerson, 'department_id', a);
    app.db.prepare("UPDATE person SET status = 'left' WHERE id = ?").run(people.malmoPerson);
    const group = ok(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'Welders', ownerUnitId: orgId, rule: { departmentIds: [a, b] } },
        as,
      ),
    );
    const merged = ok(await app.invoke('lookups.merge', { list: 'department', fromId: a, intoId: b }, as));
    expect(merged).toMatchObject({ movedPeople: 2, into: { id: b, peopleCount: 1 } });
    const rows = ok(await app.invoke('lookups.list', { list: 'department', includeArchived: true }, as)).rows;
    expect(rows.map((r) => r.name)).toEqual(['Welding']);
    const ids = app.db
      .prepare('SELECT department_id FROM person WHERE department_id IS NOT NULL')
      .pluck()
      .all();
    expect(ids).toEqual([b, b]);
    expect(ok(await app.invoke('groups.get', { id: group.id }, as)).rule?.departmentIds).toEqual([b]);
    const audit = ok(await app.invoke('audit.list', { limit: 1 }, as)).rows[0];
    expect(audit?.summary).toBe('Merged department Welding dept. into Welding (2 people moved)');
  });

  it('refuses to merge an entry into itself', async () => {
    const { app, as, dept } = await setUp();
    const a = await dept('Welding');
    const res = await app.invoke('lookups.merge', { list: 'job_title', fromId: a, intoId: a }, as);
    expect(failure(res).code).toBe('invalid_input');
  });

  it('archives and restores; archived entries leave the default list', async () => {
    const { app, as } = await setUp();
    const t = ok(await app.invoke('lookups.create', { list: 'job_title', name: 'Blaster' }, as));
    expect(ok(await app.invoke('lookups.archive', { list: 'job_title', id: t.id }, as)).archived).toBe(true);
    expect(ok(await app.invoke('lookups.list', { list: 'job_title' }, as)).rows).toEqual([]);
    expect(ok(await app.invoke('lookups.restore', { list: 'job_title', id: t.id }, as)).archived).toBe(false);
  });

  it('leaves managing the lists to those who manage units', async () => {
    const { app, u } = await setUp();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const res = await app.invoke('lookups.create', { list: 'department', name: 'X' }, { actorId: mgr });
    expect(failure(res).code).toBe('forbidden');
  });
});

describe('who may change the shared lists', () => {
  it('refuses a Regional Manager, whose units.manage covers only their region', async () => {
    const f = await orgFixture();
    const regional = addPerson(f.app, {
      email: 'rm@example.com',
      unitId: f.u('norr'),
      roleId: 'regional-manager',
    });
    const res = await f.app.invoke(
      'lookups.create',
      { list: 'department', name: 'Blasting' },
      { actorId: regional },
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('whole organisation') },
    });
    const admin = await f.app.invoke(
      'lookups.create',
      { list: 'department', name: 'Blasting' },
      { actorId: f.adminId },
    );
    expect(admin.ok).toBe(true);
  });
});
