import { describe, expect, it } from 'vitest';
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
  const pub = (code: string, ownerUnitId = u('org'), extra = {}) =>
    publishModule(app, adminId, {
      code,
      title: `${code} title`,
      ownerUnitId,
      content: course(code),
      ...extra,
    });
  const fire = await pub('FIRE');
  const ladder = await pub('LADDER');
  const umeManager = addPerson(app, {
    email: 'mgr@example.com',
    unitId: u('ume'),
    roleId: 'manager',
    firstName: 'Mona',
    lastName: 'Manager',
  });
  const items = (configurationId: string) =>
    app.db
      .prepare(
        `SELECT m.code, i.requirement, i.valid_from AS validFrom, i.valid_to AS validTo
         FROM configuration_item i JOIN module m ON m.id = i.module_id
         WHERE i.configuration_id = ? ORDER BY m.code, i.valid_from, i.valid_to IS NULL`,
      )
      .all(configurationId);
  return { ...f, admin, pub, fire, ladder, umeManager, mgr: { actorId: umeManager }, items };
}

describe('training configurations', () => {
  it('creates a unit configuration, lists it within scope and shows its items', async () => {
    const { app, admin, u, fire, ladder, mgr } = await world();
    const c = value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Umeå basics',
          targetType: 'unit',
          targetId: u('ume'),
          items: [
            {
              moduleId: fire,
              requirement: 'required',
              validityMonths: 12,
              due: { kind: 'after_joining', days: 30 },
            },
            { moduleId: ladder, requirement: 'optional' },
          ],
        },
        mgr,
      ),
    );
    expect(c).toMatchObject({
      targetName: 'Norrland Mining / Norr / Umeå',
      ownerUnitId: u('ume'),
      requiredCount: 1,
      optionalCount: 1,
      hiddenCount: 0,
      archived: false,
      canManage: true,
    });
    // Ulla and the manager work at Umeå.
    expect(c.peopleCount).toBe(2);
    expect(c.items.map((i) => [i.code, i.requirement, i.due])).toEqual([
      ['FIRE', 'required', { kind: 'after_joining', days: 30 }],
      ['LADDER', 'optional', { kind: 'none' }],
    ]);
    expect(value(await app.invoke('configurations.list', {}, mgr)).rows.map((r) => r.name)).toEqual([
      'Umeå basics',
    ]);
    expect(value(await app.invoke('configurations.list', {}, admin)).total).toBe(1);
    const audit = app.db
      .prepare("SELECT after FROM audit_log WHERE summary LIKE 'Created training configuration%'")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({
      name: 'Umeå basics',
      items: [{ code: 'FIRE' }, { code: 'LADDER' }],
    });
  });

  it('refuses targets outside the manager’s scope', async () => {
    const { app, u, fire, mgr, people, orgId } = await world();
    const create = (targetType: 'unit' | 'person' | 'group', targetId: string) =>
      app.invoke(
        'configurations.create',
        { name: 'X', targetType, targetId, items: [{ moduleId: fire, requirement: 'required' }] },
        mgr,
      );
    for (const [type, id] of [
      ['unit', u('lulea')],
      ['unit', orgId],
      ['unit', u('norr')],
      ['person', people.luleaPerson],
    ] as const) {
      const res = await create(type, id);
      expect(!res.ok && res.error.code, `${type} ${id}`).toBe('forbidden');
    }
    expect((await create('person', people.umeColleague)).ok).toBe(true);
    const missing = await create('unit', 'no-such-unit');
    expect(!missing.ok && missing.error.details?.[0]?.path).toBe('targetId');
    expect(app.db.prepare('SELECT count(*) FROM training_configuration').pluck().get()).toBe(1);
  });

  it('checks the modules: published, visible, once each, real due dates', async () => {
    const { app, admin, u, fire, adminId, pub } = await world();
    const draft = value(
      await app.invoke(
        'modules.create',
        { code: 'DRAFT', title: 'Draft', kind: 'course', ownerUnitId: u('org') },
        admin,
      ),
    );
    const malmoOnly = await pub('MALMO', u('malmo'));
    const create = (items: unknown[], actorId = adminId) =>
      app.invoke(
        'configurations.create',
        { name: 'X', targetType: 'unit', targetId: u('ume'), items } as never,
        { actorId },
      );
    const dup = await create([
      { moduleId: fire, requirement: 'required' },
      { moduleId: fire, requirement: 'optional' },
    ]);
    expect(!dup.ok && dup.error.details).toEqual([
      { path: 'items.1.moduleId', message: 'FIRE title is listed twice' },
    ]);
    const notPublished = await create([{ moduleId: draft.id, requirement: 'required' }]);
    expect(!notPublished.ok && notPublished.error.message).toMatch(/Draft is not published yet/);
    const badDate = await create([
      { moduleId: fire, requirement: 'required', due: { kind: 'fixed', date: '2026-02-30' } },
    ]);
    expect(!badDate.ok && badDate.error.details?.[0]?.path).toBe('items.0.due.date');
    // Compliance reads training records: a module that never makes one cannot be Required (Optional is fine).
    const noRecord = await pub('NOREC', u('org'), { trainingRecord: false });
    const neverCompliant = await create([{ moduleId: noRecord, requirement: 'required' }]);
    expect(!neverCompliant.ok && neverCompliant.error.details?.[0]?.path).toBe('items.0.requirement');
    expect(!neverCompliant.ok && neverCompliant.error.message).toMatch(/does not count as a training record/);
    // A Umeå manager does not see Malmö's module.
    const mgr = addPerson(app, { email: 'm2@example.com', unitId: u('ume'), roleId: 'manager' });
    const invisible = await create([{ moduleId: malmoOnly, requirement: 'required' }], mgr);
    expect(!invisible.ok && invisible.error.details?.[0]).toEqual({
      path: 'items.0.moduleId',
      message: 'There is no such module',
    });
    expect(app.db.prepare('SELECT count(*) FROM training_configuration').pluck().get()).toBe(0);
  });

  it('keeps the history of items: a change closes the old version and opens a new one', async () => {
    const { app, u, fire, ladder, mgr, items } = await world();
    const c = value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Prep',
          targetType: 'unit',
          targetId: u('ume'),
          items: [
            { moduleId: fire, requirement: 'hidden' },
            { moduleId: ladder, requirement: 'required' },
          ],
        },
        mgr,
      ),
    );
    // Same day: rewritten in place, no zero-length version.
    value(
      await app.invoke(
        'configurations.update',
        {
          id: c.id,
          items: [
            { moduleId: fire, requirement: 'hidden', validityMonths: 6 },
            { moduleId: ladder, requirement: 'required' },
          ],
        },
        mgr,
      ),
    );
    expect(items(c.id)).toEqual([
      { code: 'FIRE', requirement: 'hidden', validFrom: '2026-03-01', validTo: null },
      { code: 'LADDER', requirement: 'required', validFrom: '2026-03-01', validTo: null },
    ]);
    app.clock.set('2026-04-01T09:00:00.000Z');
    const updated = value(
      await app.invoke(
        'configurations.update',
        {
          id: c.id,
          name: 'Go live',
          items: [{ moduleId: fire, requirement: 'required', validityMonths: 6 }],
        },
        mgr,
      ),
    );
    expect(updated.name).toBe('Go live');
    expect(updated.items.map((i) => [i.code, i.requirement, i.validityMonths])).toEqual([
      ['FIRE', 'required', 6],
    ]);
    expect(items(c.id)).toEqual([
      { code: 'FIRE', requirement: 'hidden', validFrom: '2026-03-01', validTo: '2026-04-01' },
      { code: 'FIRE', requirement: 'required', validFrom: '2026-04-01', validTo: null },
      { code: 'LADDER', requirement: 'required', validFrom: '2026-03-01', validTo: '2026-04-01' },
    ]);
    // Sending the same list again changes nothing.
    value(
      await app.invoke(
        'configurations.update',
        { id: c.id, items: [{ moduleId: fire, requirement: 'required', validityMonths: 6 }] },
        mgr,
      ),
    );
    expect(items(c.id)).toHaveLength(3);
    const audit = JSON.parse(
      app.db
        .prepare(
          "SELECT before FROM audit_log WHERE summary LIKE 'Changed training configuration Prep%' ORDER BY rowid DESC LIMIT 1 OFFSET 1",
        )
        .pluck()
        .get() as string,
    ) as { items: { code: string; requirement: string }[] };
    expect(audit.items.map((i) => [i.code, i.requirement])).toEqual([
      ['FIRE', 'hidden'],
      ['LADDER', 'required'],
    ]);
  });

  it('archives: items and fulfilments close today, the history stays, no further changes', async () => {
    const { app, u, fire, mgr, items, admin } = await world();
    const c = value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Old',
          targetType: 'unit',
          targetId: u('ume'),
          items: [{ moduleId: fire, requirement: 'required' }],
        },
        mgr,
      ),
    );
    app.clock.set('2026-05-01T09:00:00.000Z');
    const archived = value(await app.invoke('configurations.archive', { id: c.id }, mgr));
    expect(archived).toMatchObject({ archived: true, peopleCount: 0, canManage: false, items: [] });
    expect(items(c.id)).toEqual([
      { code: 'FIRE', requirement: 'required', validFrom: '2026-03-01', validTo: '2026-05-01' },
    ]);
    expect(
      app.db
        .prepare(
          "SELECT DISTINCT assigned_on || '..' || removed_on FROM fulfilment WHERE configuration_id = ?",
        )
        .pluck()
        .all(c.id),
    ).toEqual(['2026-03-01..2026-05-01']);
    const again = await app.invoke('configurations.update', { id: c.id, name: 'New' }, mgr);
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(value(await app.invoke('configurations.list', {}, admin)).total).toBe(0);
    expect(value(await app.invoke('configurations.list', { includeArchived: true }, admin)).total).toBe(1);
  });

  it('lets a Manager elsewhere neither see nor change it; preview counts whom a target covers', async () => {
    const { app, u, fire, admin, mgr } = await world();
    const lulea = value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Luleå',
          targetType: 'unit',
          targetId: u('lulea'),
          items: [{ moduleId: fire, requirement: 'required' }],
        },
        admin,
      ),
    );
    expect(value(await app.invoke('configurations.list', {}, mgr)).total).toBe(0);
    const get = await app.invoke('configurations.get', { id: lulea.id }, mgr);
    expect(!get.ok && get.error.code).toBe('forbidden');
    const archive = await app.invoke('configurations.archive', { id: lulea.id }, mgr);
    expect(!archive.ok && archive.error.code).toBe('forbidden');
    const preview = value(
      await app.invoke('configurations.preview', { targetType: 'unit', targetId: u('ume') }, mgr),
    );
    expect(preview.peopleCount).toBe(2);
    expect(preview.sample.map((s) => s.name).sort()).toEqual(['Mona Manager', 'Ulla Umeå']);
  });
});
