import { describe, expect, it } from 'vitest';
import { syncAll } from '../../src-main/domain/configurations/sync.js';
import { addPerson } from '../helpers/app.js';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

async function world() {
  const f = await orgFixture();
  const { app, adminId, u } = f;
  const admin = { actorId: adminId };
  const fire = await publishModule(app, adminId, {
    code: 'FIRE',
    ownerUnitId: u('org'),
    content: course('f'),
  });
  const configure = async (targetType: 'unit' | 'group' | 'person', targetId: string) =>
    value(
      await app.invoke(
        'configurations.create',
        {
          name: `For ${targetType}`,
          targetType,
          targetId,
          items: [{ moduleId: fire, requirement: 'required' }],
        },
        admin,
      ),
    ).id;
  /** Each fulfilment of the configuration as "person assigned..removed". */
  const rows = (configurationId: string) =>
    app.db
      .prepare(
        `SELECT p.first_name || ' ' || f.assigned_on || '..' || coalesce(f.removed_on, '') FROM fulfilment f
         JOIN person p ON p.id = f.person_id WHERE f.configuration_id = ? ORDER BY p.first_name, f.assigned_on`,
      )
      .pluck()
      .all(configurationId);
  const day = (d: string) => app.clock.set(`${d}T09:00:00.000Z`);
  return { ...f, admin, fire, configure, rows, day };
}

describe('fulfilments follow membership', () => {
  it('a unit target covers its subtree; people moving in and out, leaving and returning', async () => {
    const { app, admin, u, people, configure, rows, day } = await world();
    const norr = await configure('unit', u('norr'));
    expect(rows(norr)).toEqual(['Lars 2026-03-01..', 'Ulla 2026-03-01..']);

    day('2026-03-10');
    value(await app.invoke('people.update', { id: people.malmoPerson, unitId: u('lulea') }, admin));
    value(await app.invoke('people.update', { id: people.umeColleague, unitId: u('malmo') }, admin));
    expect(rows(norr)).toEqual(['Lars 2026-03-01..', 'Maja 2026-03-10..', 'Ulla 2026-03-01..2026-03-10']);

    day('2026-03-20');
    value(await app.invoke('people.deactivate', { id: people.luleaPerson }, admin));
    expect(rows(norr)).toContain('Lars 2026-03-01..2026-03-20');
    expect(app.db.prepare('SELECT left_on FROM person WHERE id = ?').pluck().get(people.luleaPerson)).toBe(
      '2026-03-20',
    );
    day('2026-04-01');
    value(await app.invoke('people.reactivate', { id: people.luleaPerson }, admin));
    expect(
      app.db.prepare('SELECT left_on FROM person WHERE id = ?').pluck().get(people.luleaPerson),
    ).toBeNull();
    expect(rows(norr)).toEqual([
      'Lars 2026-03-01..2026-03-20',
      'Lars 2026-04-01..',
      'Maja 2026-03-10..',
      'Ulla 2026-03-01..2026-03-10',
    ]);
  });

  it('a person added to a covered unit is covered from that day', async () => {
    const { app, admin, u, configure, rows, day } = await world();
    const ume = await configure('unit', u('ume'));
    day('2026-03-04');
    value(
      await app.invoke(
        'people.create',
        { email: 'nina@example.com', firstName: 'Nina', lastName: 'Ny', unitId: u('ume') },
        admin,
      ),
    );
    expect(rows(ume)).toEqual(['Nina 2026-03-04..', 'Ulla 2026-03-01..']);
    expect(
      app.db.prepare("SELECT count(*) FROM outbox WHERE to_email = 'nina@example.com'").pluck().get(),
    ).toBe(1);
  });

  it('a static group target follows its picked members', async () => {
    const { app, admin, u, people, configure, rows, day } = await world();
    const g = value(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Crane crew', ownerUnitId: u('org'), memberIds: [people.umeColleague] },
        admin,
      ),
    );
    const c = await configure('group', g.id);
    expect(rows(c)).toEqual(['Ulla 2026-03-01..']);
    day('2026-03-05');
    value(await app.invoke('groups.update', { id: g.id, memberIds: [people.malmoPerson] }, admin));
    expect(rows(c)).toEqual(['Maja 2026-03-05..', 'Ulla 2026-03-01..2026-03-05']);
  });

  it('a rule group target follows the rule as people move; a person target covers one person', async () => {
    const { app, admin, u, people, configure, rows, day } = await world();
    const g = value(
      await app.invoke(
        'groups.create',
        { kind: 'rule', name: 'Syd people', ownerUnitId: u('org'), rule: { unitIds: [u('syd')] } },
        admin,
      ),
    );
    const c = await configure('group', g.id);
    const solo = await configure('person', people.clientPerson);
    expect(rows(c)).toEqual(['Maja 2026-03-01..']);
    expect(rows(solo)).toEqual(['Alex 2026-03-01..']);
    day('2026-03-07');
    value(await app.invoke('people.update', { id: people.luleaPerson, unitId: u('malmo') }, admin));
    expect(rows(c)).toEqual(['Lars 2026-03-07..', 'Maja 2026-03-01..']);
  });

  it('syncAll catches changes made where no hook runs, and is idempotent', async () => {
    const { app, u, configure, rows, day } = await world();
    const ume = await configure('unit', u('ume'));
    day('2026-03-03');
    // A person added directly (as an import would), then the sync at start-up / list time.
    addPerson(app, { email: 'new@example.com', unitId: u('ume'), firstName: 'Nils' });
    expect(rows(ume)).toEqual(['Ulla 2026-03-01..']);
    expect(syncAll(app.db, '2026-03-03').added).toBe(1);
    expect(syncAll(app.db, '2026-03-03')).toMatchObject({ added: 0, removed: 0 });
    expect(rows(ume)).toEqual(['Nils 2026-03-03..', 'Ulla 2026-03-01..']);
  });
});
