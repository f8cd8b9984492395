import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { complete } from '../helpers/compliance.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's1', type: 'text' as const, title: 'Read', required: true, html: '<p>Read.</p>' }],
};

/**
 * The history compliance "as of a past date" needs beyond requirements and completions:
 * which unit a person was in then, and expiry dates people set on records by hand.
 */
async function world() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const day = (d: string) => app.clock.set(`${d}T09:00:00.000Z`);
  day('2026-01-01');
  const fire = await publishedModule(app, adminId, {
    code: 'FIRE',
    title: 'Fire safety',
    kind: 'course',
    ownerUnitId: u('org'),
    defaultValidityMonths: 12,
    content: course,
  });
  const mover = addPerson(app, {
    email: 'mover@example.com',
    unitId: u('ume'),
    firstName: 'Maja',
    lastName: 'Flytt',
  });
  // Required of everyone in the organisation, so the move changes only which unit Maja counts under.
  unwrapOk(
    await app.invoke(
      'configurations.create',
      {
        name: 'Everyone: fire safety',
        targetType: 'unit',
        targetId: u('org'),
        items: [{ moduleId: fire, requirement: 'required', validityMonths: 6 }],
      },
      { actorId: adminId },
    ),
  );
  const as = { actorId: adminId };
  return { ...f, day, fire, mover, as };
}

describe('compliance by the unit a person was in on the date', async () => {
  const w = await world();
  const { app, u, day, mover, as } = w;
  day('2026-03-01');
  unwrapOk(await app.invoke('people.update', { id: mover, unitId: u('lulea') }, as));
  const people = async (unitId: string, asOf: string) =>
    unwrapOk(await app.invoke('compliance.matrix', { unitId, asOf }, as)).rows.map(
      (r) => `${r.name} (${r.unitName})`,
    );

  it('counts a moved person under their old unit before the move and the new one from that day', async () => {
    expect(await people(u('ume'), '2026-02-28')).toContain('Maja Flytt (Umeå)');
    expect(await people(u('lulea'), '2026-02-28')).not.toContain('Maja Flytt (Luleå)');
    expect(await people(u('lulea'), '2026-03-01')).toContain('Maja Flytt (Luleå)');
    expect(await people(u('ume'), '2026-03-01')).not.toContain('Maja Flytt (Umeå)');
    // The region holds both sites: Maja is there on either side of the move, once.
    expect((await people(u('norr'), '2026-02-28')).filter((n) => n.startsWith('Maja'))).toEqual([
      'Maja Flytt (Umeå)',
    ]);
  });

  it('names the unit on the date in the expiring and overdue list and the summary', async () => {
    const list = unwrapOk(
      await app.invoke(
        'compliance.attention',
        { unitId: u('ume'), asOf: '2026-02-15', statuses: ['missing'] },
        as,
      ),
    );
    expect(list.rows.find((r) => r.personId === mover)?.unitName).toBe('Umeå');
    const before = unwrapOk(
      await app.invoke('compliance.summary', { unitId: u('ume'), asOf: '2026-02-15' }, as),
    );
    const after = unwrapOk(
      await app.invoke('compliance.summary', { unitId: u('ume'), asOf: '2026-03-15' }, as),
    );
    expect(before.people - after.people).toBe(1);
  });

  it('keeps one spell per day when someone is moved back and forth on the same day', async () => {
    day('2026-04-01');
    unwrapOk(await app.invoke('people.update', { id: mover, unitId: u('malmo') }, as));
    unwrapOk(await app.invoke('people.update', { id: mover, unitId: u('lulea') }, as));
    const spells = app.db
      .prepare(
        'SELECT unit_id, from_date, to_date FROM person_unit_history WHERE person_id = ? ORDER BY from_date',
      )
      .all(mover);
    expect(spells).toEqual([
      { unit_id: u('ume'), from_date: '0001-01-01', to_date: '2026-03-01' },
      { unit_id: u('lulea'), from_date: '2026-03-01', to_date: null },
    ]);
  });
});

describe('an expiry date set on the record by a person', async () => {
  const w = await world();
  const { app, u, day, fire, as } = w;
  day('2026-03-01');
  const ida = addPerson(app, {
    email: 'ida@example.com',
    unitId: u('ume'),
    firstName: 'Ida',
    lastName: 'Ek',
  });
  // Brings fulfilments in step for people added with SQL (the configurations list syncs first).
  unwrapOk(await app.invoke('configurations.list', {}, as));
  const status = async (asOf: string) =>
    unwrapOk(await app.invoke('compliance.person', { personId: ida, asOf }, as)).rows.find(
      (r) => r.moduleId === w.fire,
    );

  it('counts instead of completion + the required validity, and says so in the history', async () => {
    const recordId = complete(app, ida, fire, '2026-02-01');
    // Six months from the configuration: expires 2026-08-01.
    expect(await status('2026-08-01')).toMatchObject({ status: 'expired', expiryDate: '2026-08-01' });
    unwrapOk(await app.invoke('records.update', { id: recordId, expiryDate: '2027-02-01' }, as));
    expect(await status('2026-08-01')).toMatchObject({ status: 'compliant', expiryDate: '2027-02-01' });
    expect(await status('2027-01-15')).toMatchObject({ status: 'expiring' });
    expect(await status('2027-02-01')).toMatchObject({ status: 'expired' });
    const cell = unwrapOk(
      await app.invoke('compliance.cell', { personId: ida, moduleId: fire, asOf: '2026-08-01' }, as),
    );
    expect(cell.completions).toEqual([
      expect.objectContaining({ recordId, expiryDate: '2027-02-01', ownExpiry: true, counts: true }),
    ]);
    const detail = unwrapOk(await app.invoke('records.get', { id: recordId }, as));
    expect(detail.expiryFixed).toBe(true);
  });

  it('makes a record never expire when a person clears its expiry date', async () => {
    unwrapOk(
      await app.invoke(
        'results.record',
        { moduleId: fire, date: '2026-02-10', status: 'passed', personIds: [ida] },
        as,
      ),
    );
    const list = unwrapOk(await app.invoke('records.list', { personId: ida }, as));
    const recordId = list.rows.find((r) => r.completionDate === '2026-02-10')?.id ?? '';
    // A live completion carries the module's default validity (12 months)…
    expect(list.rows.find((r) => r.id === recordId)?.expiryDate).toBe('2027-02-10');
    unwrapOk(await app.invoke('records.update', { id: recordId, expiryDate: null }, as));
    expect(await status('2030-01-01')).toMatchObject({ status: 'compliant', expiryDate: null });
  });

  it('leaves a later live completion to its own validity', async () => {
    complete(app, ida, fire, '2026-02-20');
    expect(await status('2026-09-01')).toMatchObject({ status: 'expired', expiryDate: '2026-08-20' });
  });
});

describe('the expiring window setting', async () => {
  const w = await world();
  const { app, u, fire, as, adminId } = w;
  const pia = addPerson(app, { email: 'pia@example.com', unitId: u('ume') });
  complete(app, pia, fire, '2025-09-15'); // expires 2026-03-15 under the 6-month requirement
  unwrapOk(await app.invoke('configurations.list', {}, as));
  const status = async () =>
    unwrapOk(await app.invoke('compliance.person', { personId: pia, asOf: '2026-02-01' }, as)).rows[0]
      ?.status;

  it('starts at 30 days and moves every status with it, audited', async () => {
    expect(unwrapOk(await app.invoke('settings.get', {}, as))).toEqual({ expiringDays: 30, canEdit: true });
    expect(await status()).toBe('compliant');
    unwrapOk(await app.invoke('settings.update', { expiringDays: 60 }, as));
    expect(await status()).toBe('expiring');
    const audit = app.db
      .prepare(`SELECT summary FROM audit_log WHERE actor_id = ? ORDER BY rowid DESC LIMIT 1`)
      .pluck()
      .get(adminId);
    expect(audit).toBe('Changed the expiring window from 30 to 60 days');
  });

  it('refuses a negative or fractional window by field, and anyone without the privilege at the organisation', async () => {
    const bad = await app.invoke('settings.update', { expiringDays: -1 }, as);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/negative/);
    // An Organisation Admin of a client organisation holds the privilege, but not over the licensee.
    const siteAdmin = addPerson(app, {
      email: 'client-admin@example.com',
      unitId: u('client'),
      roleId: 'organisation-admin',
    });
    const refused = await app.invoke('settings.update', { expiringDays: 10 }, { actorId: siteAdmin });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    expect(unwrapOk(await app.invoke('settings.get', {}, { actorId: siteAdmin })).canEdit).toBe(false);
    const member = addPerson(app, { email: 'member@example.com', unitId: u('ume') });
    expect((await app.invoke('settings.update', { expiringDays: 10 }, { actorId: member })).ok).toBe(false);
  });
});
