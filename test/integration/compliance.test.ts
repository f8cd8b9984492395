import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { assign, complete } from '../helpers/compliance.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's1', type: 'text' as const, title: 'Read', required: true, html: '<p>Read.</p>' }],
};

/** Today is 2026-03-01. A Manager at Umeå; Anna works there; three modules with different default validity. */
async function world() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const anna = addPerson(app, {
    email: 'anna@example.com',
    unitId: u('ume'),
    firstName: 'Anna',
    lastName: 'Ek',
  });
  const mod = (code: string, defaultValidityMonths: number | null) =>
    publishedModule(app, adminId, {
      code,
      title: code,
      kind: 'course',
      ownerUnitId: u('org'),
      defaultValidityMonths,
      content: course,
    });
  const fire = await mod('FIRE', 12);
  const first = await mod('FIRST-AID', null);
  const gas = await mod('GAS', 24);
  const as = (actorId: string) => ({ actorId });
  const person = async (personId: string, asOf?: string, actorId = manager) =>
    unwrapOk(await app.invoke('compliance.person', { personId, ...(asOf ? { asOf } : {}) }, as(actorId)));
  const row = async (personId: string, moduleId: string, asOf?: string) =>
    (await person(personId, asOf)).rows.find((r) => r.moduleId === moduleId);
  return { ...f, manager, anna, fire, first, gas, person, row, as };
}

describe('compliance engine', async () => {
  const w = await world();
  const { app, u, anna, fire, first, gas, manager, row } = w;
  assign(app, {
    name: 'Umeå basics',
    target: { type: 'unit', id: u('ume') },
    ownerUnitId: u('ume'),
    items: [{ moduleId: fire }],
    people: [{ personId: anna, assignedOn: '2025-01-01' }],
  });

  it('follows a completion from missing to compliant, expiring and expired, as of any date', async () => {
    expect((await row(anna, fire))?.status).toBe('missing');
    unwrapOk(
      await app.invoke(
        'results.record',
        { moduleId: fire, date: '2026-02-20', status: 'passed', personIds: [anna] },
        { actorId: manager },
      ),
    );
    const now = await row(anna, fire);
    expect(now).toMatchObject({
      status: 'compliant',
      lastCompletion: '2026-02-20',
      expiryDate: '2027-02-20',
    });
    expect(now?.sources).toEqual([expect.objectContaining({ name: 'Umeå basics', targetType: 'unit' })]);
    expect((await row(anna, fire, '2027-01-21'))?.status).toBe('expiring');
    expect((await row(anna, fire, '2027-01-20'))?.status).toBe('compliant');
    expect((await row(anna, fire, '2027-02-19'))?.status).toBe('expiring');
    expect((await row(anna, fire, '2027-02-20'))?.status).toBe('expired');
    // As of a day before the record, the later record does not count.
    expect((await row(anna, fire, '2026-02-19'))?.status).toBe('missing');
  });

  it('stops requiring a person from the day their fulfilment ends', async () => {
    const leaver = addPerson(app, { email: 'leaver@example.com', unitId: u('ume') });
    assign(app, {
      target: { type: 'unit', id: u('ume') },
      ownerUnitId: u('ume'),
      items: [{ moduleId: gas }],
      people: [{ personId: leaver, assignedOn: '2025-01-01', removedOn: '2026-02-01' }],
    });
    expect((await row(leaver, gas, '2026-01-31'))?.status).toBe('missing');
    expect(await row(leaver, gas, '2026-02-01')).toBeUndefined();
  });

  it('follows a person moved between units: the old unit’s modules before, the new one’s after', async () => {
    const mover = addPerson(app, { email: 'mover@example.com', unitId: u('lulea') });
    assign(app, {
      target: { type: 'unit', id: u('ume') },
      ownerUnitId: u('ume'),
      items: [{ moduleId: gas }],
      people: [{ personId: mover, assignedOn: '2025-01-01', removedOn: '2026-01-01' }],
    });
    assign(app, {
      target: { type: 'unit', id: u('lulea') },
      ownerUnitId: u('lulea'),
      items: [{ moduleId: first }],
      people: [{ personId: mover, assignedOn: '2026-01-01' }],
    });
    const admin = (asOf: string) => w.person(mover, asOf, w.adminId);
    expect((await admin('2025-06-01')).rows.map((r) => r.code)).toEqual(['GAS']);
    expect((await admin('2026-02-01')).rows.map((r) => r.code)).toEqual(['FIRST-AID']);
  });

  it('keeps Hidden items from the person until they become Required, by item history', async () => {
    const hid = addPerson(app, { email: 'hid@example.com', unitId: u('ume') });
    assign(app, {
      target: { type: 'person', id: hid },
      ownerUnitId: u('ume'),
      items: [
        { moduleId: gas, requirement: 'hidden', validFrom: '2025-01-01', validTo: '2026-02-01' },
        { moduleId: gas, requirement: 'required', validFrom: '2026-02-01' },
      ],
      people: [{ personId: hid, assignedOn: '2025-01-01' }],
    });
    const mine = async (asOf: string) =>
      unwrapOk(await app.invoke('compliance.mine', { asOf }, { actorId: hid })).rows;
    expect(await mine('2026-01-15')).toEqual([]);
    expect((await mine('2026-02-15')).map((r) => [r.code, r.requirement, r.status])).toEqual([
      ['GAS', 'required', 'missing'],
    ]);
    // The manager who prepares it sees it while Hidden; the matrix never counts it.
    expect((await row(hid, gas, '2026-01-15'))?.requirement).toBe('hidden');
    const m = unwrapOk(
      await app.invoke('compliance.matrix', { asOf: '2026-01-15', search: 'hid@' }, { actorId: manager }),
    );
    expect(m.total).toBe(0);
  });

  it('resolves conflicting configurations: Required wins, shortest validity, earliest due date', async () => {
    const both = addPerson(app, { email: 'both@example.com', unitId: u('ume') });
    assign(app, {
      name: 'Long',
      target: { type: 'unit', id: u('ume') },
      ownerUnitId: u('ume'),
      items: [{ moduleId: first, validityMonths: 24, due: { kind: 'fixed', date: '2026-06-01' } }],
      people: [{ personId: both, assignedOn: '2025-01-01' }],
    });
    assign(app, {
      name: 'Short',
      target: { type: 'person', id: both },
      ownerUnitId: u('ume'),
      items: [{ moduleId: first, validityMonths: 6, due: { kind: 'after_joining', days: 10 } }],
      people: [{ personId: both, assignedOn: '2026-01-01' }],
    });
    assign(app, {
      name: 'Optional',
      target: { type: 'person', id: both },
      ownerUnitId: u('ume'),
      items: [{ moduleId: first, requirement: 'optional', validityMonths: 1 }],
      people: [{ personId: both, assignedOn: '2025-01-01' }],
    });
    const r = await row(both, first);
    expect(r).toMatchObject({
      requirement: 'required',
      validityMonths: 6,
      dueDate: '2026-01-11',
      status: 'overdue',
    });
    expect(r?.sources.map((s) => s.name).sort()).toEqual(['Long', 'Optional', 'Short']);
    // Before the person-level configuration applied, only the long one counts.
    expect(await row(both, first, '2025-12-01')).toMatchObject({
      validityMonths: 24,
      dueDate: '2026-06-01',
      status: 'missing',
    });
    complete(app, both, first, '2025-11-15');
    expect(await row(both, first)).toMatchObject({ expiryDate: '2026-05-15', status: 'compliant' });
    expect(await row(both, first, '2026-05-15')).toMatchObject({ status: 'expired' });
  });

  it('never expires when validity is blank everywhere', async () => {
    const p = addPerson(app, { email: 'forever@example.com', unitId: u('ume') });
    assign(app, {
      target: { type: 'person', id: p },
      ownerUnitId: u('ume'),
      items: [{ moduleId: first }],
      people: [{ personId: p, assignedOn: '2020-01-01' }],
    });
    complete(app, p, first, '2020-02-01');
    expect(await row(p, first, '2040-01-01')).toMatchObject({ status: 'compliant', expiryDate: null });
  });

  it('shows a cell’s history newest first with the deciding completion marked', async () => {
    const p = addPerson(app, { email: 'cell@example.com', unitId: u('ume') });
    assign(app, {
      target: { type: 'person', id: p },
      ownerUnitId: u('ume'),
      items: [{ moduleId: gas, validityMonths: 12 }],
      people: [{ personId: p, assignedOn: '2024-01-01' }],
    });
    complete(app, p, gas, '2024-03-01');
    complete(app, p, gas, '2025-02-01');
    complete(app, p, gas, '2026-02-15');
    const cell = unwrapOk(
      await app.invoke(
        'compliance.cell',
        { personId: p, moduleId: gas, asOf: '2026-02-10' },
        { actorId: manager },
      ),
    );
    expect(cell.status).toBe('expired');
    expect(cell.completions.map((c) => [c.completionDate, c.expiryDate, c.counts])).toEqual([
      ['2026-02-15', '2027-02-15', false],
      ['2025-02-01', '2026-02-01', true],
      ['2024-03-01', '2025-03-01', false],
    ]);
  });

  it('pages the matrix with column totals over every page, and filters by status', async () => {
    const m = unwrapOk(await app.invoke('compliance.matrix', { limit: 1 }, { actorId: manager }));
    expect(m.rows).toHaveLength(1);
    expect(m.total).toBeGreaterThan(1);
    const sumRequired = m.modules.reduce((n, c) => n + c.required, 0);
    const all = unwrapOk(await app.invoke('compliance.matrix', { limit: 500 }, { actorId: manager }));
    expect(all.rows.reduce((n, r) => n + r.required, 0)).toBe(sumRequired);
    expect(all.rows.every((r) => r.cells.length === all.modules.length)).toBe(true);
    const missing = unwrapOk(
      await app.invoke('compliance.matrix', { statuses: ['missing'], limit: 500 }, { actorId: manager }),
    );
    expect(missing.rows.map((r) => r.email)).toContain('hid@example.com');
    expect(missing.rows.map((r) => r.email)).not.toContain('anna@example.com');
    // Malmö is outside a Umeå manager's reach.
    const malmo = unwrapOk(await app.invoke('compliance.matrix', { search: 'malmo' }, { actorId: manager }));
    expect(malmo.total).toBe(0);
  });

  it('summarises counts now and a week before, and lists what needs attention, most urgent first', async () => {
    const s = unwrapOk(await app.invoke('compliance.summary', {}, { actorId: manager }));
    expect(s.counts.compliant).toBeGreaterThan(0);
    expect(s.people).toBeGreaterThan(0);
    const a = unwrapOk(
      await app.invoke('compliance.attention', { statuses: ['expired', 'missing'] }, { actorId: manager }),
    );
    expect(a.rows.length).toBeGreaterThan(0);
    expect(a.rows.every((r) => r.status === 'missing' || r.status === 'expired')).toBe(true);
    expect(a.total).toBe(a.rows.length);
  });

  it('refuses another unit’s person to a Manager', async () => {
    const res = await app.invoke(
      'compliance.person',
      { personId: w.people.malmoPerson },
      { actorId: manager },
    );
    expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
  });

  it('as of D depends only on records completed on or before D (property)', async () => {
    const p = addPerson(app, { email: 'prop@example.com', unitId: u('ume') });
    assign(app, {
      target: { type: 'person', id: p },
      ownerUnitId: u('ume'),
      items: [{ moduleId: gas, validityMonths: 6, due: { kind: 'fixed', date: '2024-06-01' } }],
      people: [{ personId: p, assignedOn: '2023-01-01' }],
    });
    const day = fc
      .integer({ min: 0, max: 1400 })
      .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 864e5).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.array(day, { maxLength: 6 }),
        day,
        fc.integer({ min: 1, max: 400 }),
        async (history, d, later) => {
          app.db.prepare('DELETE FROM training_record WHERE person_id = ?').run(p);
          for (const h of history) complete(app, p, gas, h);
          const before = await row(p, gas, d);
          const after = new Date(Date.parse(`${d}T00:00:00Z`) + later * 864e5).toISOString().slice(0, 10);
          complete(app, p, gas, after);
          expect(await row(p, gas, d)).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
