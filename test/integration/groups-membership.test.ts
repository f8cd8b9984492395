import { describe, expect, it } from 'vitest';
import { groupsOfPerson } from '../../src-main/domain/groups/membership-repo.js';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { failure, ok } from '../helpers/units.js';

async function setUp() {
  const f = await orgFixture();
  const as = { actorId: f.adminId };
  const create = async (list: 'department' | 'job_title', name: string) =>
    ok(await f.app.invoke('lookups.create', { list, name }, as)).id;
  const welding = await create('department', 'Welding');
  const mining = await create('department', 'Mining');
  const welder = await create('job_title', 'Welder');
  const set = (personId: string, column: string, value: string | null) =>
    f.app.db.prepare(`UPDATE person SET ${column} = ? WHERE id = ?`).run(value, personId);
  const members = async (id: string, actorId = f.adminId) =>
    ok(await f.app.invoke('groups.get', { id, limit: 500 }, { actorId }))
      .members.rows.map((m) => m.name)
      .sort();
  return { ...f, as, welding, mining, welder, set, members };
}

describe('rule groups', () => {
  it('follow people as they change department', async () => {
    const { app, as, orgId, welding, mining, set, people, members } = await setUp();
    set(people.umeColleague, 'department_id', welding);
    set(people.luleaPerson, 'department_id', mining);
    const g = ok(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'Welders', ownerUnitId: orgId, rule: { departmentIds: [welding] } },
        as,
      ),
    );
    expect(await members(g.id)).toEqual(['Ulla Umeå']);
    set(people.umeColleague, 'department_id', mining);
    set(people.luleaPerson, 'department_id', welding);
    expect(await members(g.id)).toEqual(['Lars Luleå']);
    expect(groupsOfPerson(app.db, people.luleaPerson)).toEqual([{ id: g.id, name: 'Welders' }]);
    expect(groupsOfPerson(app.db, people.umeColleague)).toEqual([]);
  });

  it('need every non-empty list to match: unit subtree and job title together', async () => {
    const { app, as, orgId, u, welder, set, people, members } = await setUp();
    set(people.umeColleague, 'job_title_id', welder);
    set(people.malmoPerson, 'job_title_id', welder);
    const g = ok(
      await app.invoke(
        'groups.create',
        {
          kind: 'rule',
          name: 'Northern welders',
          ownerUnitId: orgId,
          rule: { unitIds: [u('norr')], jobTitleIds: [welder] },
        },
        as,
      ),
    );
    expect(await members(g.id)).toEqual(['Ulla Umeå']);
    app.db.prepare('UPDATE person SET unit_id = ? WHERE id = ?').run(u('lulea'), people.malmoPerson);
    expect(await members(g.id)).toEqual(['Maja Malmö', 'Ulla Umeå']);
    expect(ok(await app.invoke('groups.get', { id: g.id }, as)).ruleText).toBe(
      'People in Norr (and below), with the job title Welder.',
    );
  });

  it('hold only active people, and only people at or below their owner (not in client organisations)', async () => {
    const { app, as, orgId, u, welding, set, people, members } = await setUp();
    for (const p of Object.values(people)) set(p, 'department_id', welding);
    const all = ok(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'All welding', ownerUnitId: orgId, rule: { departmentIds: [welding] } },
        as,
      ),
    );
    const north = ok(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'Norr welding', ownerUnitId: u('norr'), rule: { departmentIds: [welding] } },
        as,
      ),
    );
    expect(await members(all.id)).toEqual(['Lars Luleå', 'Maja Malmö', 'Ulla Umeå']);
    expect(await members(north.id)).toEqual(['Lars Luleå', 'Ulla Umeå']);
    app.db.prepare("UPDATE person SET status = 'left' WHERE id = ?").run(people.luleaPerson);
    expect(await members(north.id)).toEqual(['Ulla Umeå']);
    expect(groupsOfPerson(app.db, people.clientPerson)).toEqual([]);
    expect(groupsOfPerson(app.db, people.umeColleague).map((g) => g.name)).toEqual([
      'All welding',
      'Norr welding',
    ]);
  });

  it('refuse unknown ids and units outside the owner', async () => {
    const { app, as, u } = await setUp();
    const res = await app.invoke(
      'groups.create',
      {
        kind: 'rule',
        name: 'X',
        ownerUnitId: u('norr'),
        rule: { unitIds: [u('malmo')], departmentIds: ['nope'] },
      },
      as,
    );
    const e = failure(res);
    expect(e.code).toBe('invalid_input');
    expect(e.details).toEqual([
      { path: 'rule.departmentIds.0', message: 'No such department' },
      expect.objectContaining({
        path: 'rule.unitIds.0',
        message: expect.stringContaining('Malmö is not inside Norr'),
      }),
    ]);
  });

  it('preview who a rule would hold, within the scope of whoever asks', async () => {
    const { app, u, welding, set, people } = await setUp();
    for (const p of Object.values(people)) set(p, 'department_id', welding);
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const p = ok(
      await app.invoke('groups.preview', { rule: { departmentIds: [welding] } }, { actorId: mgr }),
    );
    expect(p).toEqual({
      count: 1,
      sample: [expect.objectContaining({ name: 'Ulla Umeå', unitName: 'Umeå' })],
    });
  });
});

describe('static groups', () => {
  it('hold the picked people; a member who leaves drops out and comes back on return', async () => {
    const { app, as, orgId, people, members } = await setUp();
    const g = ok(
      await app.invoke(
        'groups.create',
        {
          kind: 'static',
          name: 'First aiders',
          ownerUnitId: orgId,
          memberIds: [people.umeColleague, people.malmoPerson],
        },
        as,
      ),
    );
    expect(g.memberCount).toBe(2);
    app.db.prepare("UPDATE person SET status = 'left' WHERE id = ?").run(people.malmoPerson);
    expect(await members(g.id)).toEqual(['Ulla Umeå']);
    app.db.prepare("UPDATE person SET status = 'active' WHERE id = ?").run(people.malmoPerson);
    expect(groupsOfPerson(app.db, people.malmoPerson).map((x) => x.name)).toEqual(['First aiders']);
  });

  it('refuse members outside the scope of whoever picks them, naming them', async () => {
    const { app, u, people } = await setUp();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const res = await app.invoke(
      'groups.create',
      {
        kind: 'static',
        name: 'Mixed',
        ownerUnitId: u('ume'),
        memberIds: [people.umeColleague, people.luleaPerson],
      },
      { actorId: mgr },
    );
    const e = failure(res);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain(people.luleaPerson);
    expect(e.details).toEqual([
      { path: 'memberIds.1', message: `${people.luleaPerson} is outside your scope` },
    ]);
  });

  it("keep members a Manager cannot see when the Manager saves the group's members", async () => {
    const { app, as, u, people, members } = await setUp();
    const g = ok(
      await app.invoke(
        'groups.create',
        {
          kind: 'static',
          name: 'Cross-site',
          ownerUnitId: u('ume'),
          memberIds: [people.umeColleague, people.luleaPerson],
        },
        as,
      ),
    );
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    expect(await members(g.id, mgr)).toEqual(['Ulla Umeå']);
    ok(await app.invoke('groups.update', { id: g.id, memberIds: [mgr] }, { actorId: mgr }));
    expect(await members(g.id)).toEqual(['Lars Luleå', 'Test Person']);
  });
});

describe('group visibility and management scope', () => {
  it("lists groups owned within the asker's scope, counting only members they can see", async () => {
    const { app, as, u, orgId, people } = await setUp();
    const ids = [people.umeColleague, people.luleaPerson];
    ok(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Org-wide', ownerUnitId: orgId, memberIds: ids },
        as,
      ),
    );
    ok(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Umeå team', ownerUnitId: u('ume'), memberIds: ids },
        as,
      ),
    );
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const list = ok(await app.invoke('groups.list', {}, { actorId: mgr }));
    expect(list.rows.map((r) => [r.name, r.memberCount])).toEqual([['Umeå team', 1]]);
    const org = ok(await app.invoke('groups.list', {}, as));
    expect(org.rows.map((r) => [r.name, r.memberCount])).toEqual([
      ['Org-wide', 2],
      ['Umeå team', 2],
    ]);
  });

  it('lets a Manager edit and delete groups of their unit only', async () => {
    const { app, as, u, orgId } = await setUp();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const other = ok(
      await app.invoke('groups.create', { kind: 'static', name: 'Org', ownerUnitId: orgId }, as),
    );
    const mine = ok(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Mine', ownerUnitId: u('ume') },
        { actorId: mgr },
      ),
    );
    expect(
      failure(await app.invoke('groups.update', { id: other.id, name: 'X' }, { actorId: mgr })).code,
    ).toBe('forbidden');
    expect(failure(await app.invoke('groups.delete', { id: other.id }, { actorId: mgr })).code).toBe(
      'forbidden',
    );
    expect(
      failure(await app.invoke('groups.update', { id: mine.id, ownerUnitId: u('lulea') }, { actorId: mgr }))
        .code,
    ).toBe('forbidden');
    expect(
      failure(
        await app.invoke(
          'groups.create',
          { kind: 'static', name: 'L', ownerUnitId: u('lulea') },
          { actorId: mgr },
        ),
      ).code,
    ).toBe('forbidden');
    ok(
      await app.invoke(
        'groups.update',
        { id: mine.id, name: 'Mine 2', description: 'Ours' },
        { actorId: mgr },
      ),
    );
    ok(await app.invoke('groups.delete', { id: mine.id }, { actorId: mgr }));
  });

  it('refuses a second group with the same name and the wrong kind of change', async () => {
    const { app, as, orgId, welding } = await setUp();
    ok(await app.invoke('groups.create', { kind: 'static', name: 'Team', ownerUnitId: orgId }, as));
    const r = ok(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'Rule', ownerUnitId: orgId, rule: { departmentIds: [welding] } },
        as,
      ),
    );
    expect(
      failure(await app.invoke('groups.create', { kind: 'static', name: 'team', ownerUnitId: orgId }, as))
        .code,
    ).toBe('conflict');
    expect(failure(await app.invoke('groups.update', { id: r.id, memberIds: [] }, as)).code).toBe(
      'invalid_input',
    );
  });
});
