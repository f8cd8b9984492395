import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import { competenceCalls, competencesWorld } from '../helpers/competences.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';

/**
 * The competence matrix and report (issue 9) on a fixed day, 2026-03-01, with
 * the default 30-day warning window (expiring = valid until 2026-03-30 at the latest).
 *
 *   Safety ─ Lifting ─ Forklift A (FORK-A, 365 days) ← LIFT
 *          ─ Fire warden (FIRE-W, 100 days)          ← FIRE
 *   First aid, basic (FIRST, 730 days)               ← AID
 *   Empty category ─ Nothing mapped (no column)
 */
async function world() {
  const w = await competencesWorld();
  const { app, adminId, u, people } = w;
  const c = competenceCalls(app, adminId);
  const aid = await publishedModule(app, adminId, {
    code: 'AID',
    title: 'First aid',
    kind: 'course',
    ownerUnitId: u('org'),
    content: {
      kind: 'course',
      steps: [{ id: 's1', type: 'text', title: 'Read', required: true, html: '<p>Read this.</p>' }],
    },
  });
  const safety = await c.save({ code: 'SAFETY', name: 'Safety' });
  const lifting = await c.save({ code: 'LIFTING', name: 'Lifting', parentId: safety.id });
  const forkA = await c.save({ code: 'FORK-A', name: 'Forklift A', parentId: lifting.id, defaultDays: 365 });
  const fireW = await c.save({ code: 'FIRE-W', name: 'Fire warden', parentId: safety.id, defaultDays: 100 });
  const first = await c.save({ code: 'FIRST', name: 'First aid, basic', defaultDays: 730 });
  const empty = await c.save({ code: 'EMPTY', name: 'Empty category' });
  await c.save({ code: 'EMPTY-1', name: 'Nothing mapped', parentId: empty.id, defaultDays: 10 });
  // LIFT is mapped before the completions (live grants), AID and FIRE after (backfill).
  await c.map(forkA.id, [w.lift]);
  const { luleaPerson: lars, malmoPerson: maja, umeColleague: ulla, clientPerson: alex } = people;
  await c.pass(w.lift, '2025-03-20', [lars]);
  await c.pass(w.lift, '2025-02-28', [maja]);
  await c.pass(w.lift, '2024-05-01', [ulla]);
  await c.pass(w.lift, '2025-06-01', [ulla, alex]);
  await c.pass(aid, '2024-03-30', [lars]);
  await c.pass(aid, '2024-03-31', [ulla]);
  await c.pass(w.fire, '2026-01-15', [maja]);
  await c.map(first.id, [aid]);
  await c.map(fireW.id, [w.fire]);
  const ids = { safety: safety.id, forkA: forkA.id, fireW: fireW.id, first: first.id, empty: empty.id };
  const as = (actorId: string) => ({
    matrix: async (q: Partial<CallInput<'competences.matrix'>> = {}) =>
      unwrapOk(await app.invoke('competences.matrix', q, { actorId })),
    report: async (q: Partial<CallInput<'competences.report'>> = {}) =>
      unwrapOk(await app.invoke('competences.report', q, { actorId })),
  });
  return { ...w, c, ids, admin: as(adminId), as };
}

type Matrix = Awaited<ReturnType<Awaited<ReturnType<typeof world>>['admin']['matrix']>>;

/** A row as one line a person reads: name, then each cell as "status until". */
const lines = (m: Matrix) =>
  m.rows.map(
    (r) =>
      `${r.name} <${r.email}>: ` +
      r.cells.map((c) => (c.validUntil ? `${c.status} ${c.validUntil}` : c.status)).join(' | '),
  );

const MISSING3 = 'missing | missing | missing';

describe('competences.matrix', () => {
  it('shows valid, expiring, expired and missing per person and mapped competence, with counts', async () => {
    const { admin } = await world();
    const m = await admin.matrix();
    expect(m.asOf).toBe('2026-03-01');
    // Empty categories and unmapped, never-held nodes make no columns; the tree's order decides.
    expect(m.columns.map((c) => c.code)).toEqual(['FIRST', 'FIRE-W', 'FORK-A']);
    expect(lines(m)).toEqual([
      // The administrator (Master Admin) reaches the client organisation too.
      'Alex Acme <acme@example.com>: missing | missing | valid 2026-06-01',
      'Lars Luleå <lulea@example.com>: expiring 2026-03-30 | missing | expiring 2026-03-20',
      'Maja Malmö <malmo@example.com>: missing | valid 2026-04-25 | expired 2026-02-28',
      `Test Person <member@example.com>: ${MISSING3}`,
      `Test Person <mgr@example.com>: ${MISSING3}`,
      // Two completions of LIFT: the one reaching furthest decides.
      'Ulla Umeå <ume@example.com>: valid 2026-03-31 | missing | valid 2026-06-01',
      `Åsa Öberg <asa.oberg@example.com>: ${MISSING3}`,
    ]);
    expect(m.rows[1]?.unitName).toBe('Luleå');
    expect(m.total).toBe(7);
    expect(m.counts).toEqual({ valid: 4, expiring: 2, expired: 1, missing: 14 });
    // The counts (computed apart from the cells) tally the cells when every row is on the page.
    const tally = { valid: 0, expiring: 0, expired: 0, missing: 0 };
    for (const cell of m.rows.flatMap((r) => r.cells)) tally[cell.status]++;
    expect(tally).toEqual(m.counts);
  });

  it('turns a competence expired only the day after its valid-until date', async () => {
    const { admin, people } = await world();
    const maja = async (asOf: string) =>
      (await admin.matrix({ asOf, q: 'malmo@' })).rows.find((r) => r.personId === people.malmoPerson)
        ?.cells[2];
    expect(await maja('2026-02-28')).toEqual({ status: 'expiring', validUntil: '2026-02-28' });
    expect(await maja('2026-03-01')).toEqual({ status: 'expired', validUntil: '2026-02-28' });
  });

  it('answers as of a past date from the completions up to that day', async () => {
    const { admin } = await world();
    const m = await admin.matrix({ asOf: '2025-06-01', limit: 3 });
    expect(lines(m)).toEqual([
      // Completed on the day itself: held.
      'Alex Acme <acme@example.com>: missing | missing | valid 2026-06-01',
      'Lars Luleå <lulea@example.com>: valid 2026-03-30 | missing | valid 2026-03-20',
      // Fire warden was passed in 2026: not yet held.
      'Maja Malmö <malmo@example.com>: missing | missing | valid 2026-02-28',
    ]);
    const before = await admin.matrix({ asOf: '2024-01-01' });
    expect(before.counts).toEqual({ valid: 0, expiring: 0, expired: 0, missing: 21 });
  });

  it('filters by unit subtree, category subtree, search and status; counts follow the filter', async () => {
    const { admin, ids, u } = await world();
    const norr = await admin.matrix({ unitId: u('norr') });
    expect(norr.rows.map((r) => r.email)).toEqual([
      'lulea@example.com',
      'member@example.com',
      'mgr@example.com',
      'ume@example.com',
    ]);
    expect(norr.counts).toEqual({ valid: 2, expiring: 2, expired: 0, missing: 8 });

    const safety = await admin.matrix({ categoryId: ids.safety });
    expect(safety.columns.map((c) => c.code)).toEqual(['FIRE-W', 'FORK-A']);
    expect(safety.counts).toEqual({ valid: 3, expiring: 1, expired: 1, missing: 9 });

    const expired = await admin.matrix({ status: 'expired' });
    expect(lines(expired)).toEqual([
      'Maja Malmö <malmo@example.com>: missing | valid 2026-04-25 | expired 2026-02-28',
    ]);
    expect(expired.total).toBe(1);
    expect(expired.counts).toEqual({ valid: 1, expiring: 0, expired: 1, missing: 1 });
    expect((await admin.matrix({ status: 'expiring' })).rows.map((r) => r.email)).toEqual([
      'lulea@example.com',
    ]);
    // Within Safety, Maja misses nothing (one valid, one expired).
    const missing = await admin.matrix({ categoryId: ids.safety, status: 'missing' });
    expect(missing.rows.map((r) => r.email)).not.toContain('malmo@example.com');
    expect(missing.total).toBe(6);

    // Accents and case are ignored: "umea" finds Umeå.
    expect((await admin.matrix({ q: 'umea' })).rows.map((r) => r.email)).toEqual(['ume@example.com']);
  });

  it('pages the people while totals and counts span every page', async () => {
    const { admin } = await world();
    const all = await admin.matrix();
    const page = await admin.matrix({ offset: 5, limit: 2 });
    expect(page.rows.map((r) => r.email)).toEqual(['ume@example.com', 'asa.oberg@example.com']);
    expect(page.total).toBe(7);
    expect(page.counts).toEqual(all.counts);
    expect((await admin.matrix({ offset: 7, limit: 2 })).rows).toEqual([]);
  });

  it('keeps to the viewer’s reach: a manager sees their unit, a member is refused', async () => {
    const { app, as, manager, member } = await world();
    const m = await as(manager).matrix();
    expect(m.rows.map((r) => r.email)).toEqual(['member@example.com', 'mgr@example.com', 'ume@example.com']);
    expect(m.counts).toEqual({ valid: 2, expiring: 0, expired: 0, missing: 7 });
    const refused = await app.invoke('competences.matrix', {}, { actorId: member });
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('forbidden');
  });

  it('counts a moved person under the unit they were in on the day, as the compliance matrix does', async () => {
    const { app, admin, adminId, u, people } = await world();
    app.clock.set('2026-04-01T09:00:00.000Z');
    unwrapOk(
      await app.invoke(
        'people.update',
        { id: people.umeColleague, unitId: u('lulea') },
        { actorId: adminId },
      ),
    );
    const inUnit = async (unitId: string, asOf: string) =>
      (await admin.matrix({ unitId, asOf })).rows.map((r) => `${r.email} (${r.unitName})`);
    expect(await inUnit(u('ume'), '2026-03-15')).toContain('ume@example.com (Umeå)');
    expect(await inUnit(u('lulea'), '2026-03-15')).not.toContain('ume@example.com (Luleå)');
    expect(await inUnit(u('lulea'), '2026-04-01')).toContain('ume@example.com (Luleå)');
    expect(await inUnit(u('ume'), '2026-04-01')).not.toContain('ume@example.com (Umeå)');
  });

  it('leaves out people who have left, with their competences', async () => {
    const { app, admin, adminId, people } = await world();
    unwrapOk(await app.invoke('people.deactivate', { id: people.malmoPerson }, { actorId: adminId }));
    const m = await admin.matrix();
    expect(m.rows.map((r) => r.email)).not.toContain('malmo@example.com');
    expect(m.counts).toEqual({ valid: 3, expiring: 2, expired: 0, missing: 13 });
    expect((await admin.report()).csv).not.toContain('malmo@example.com');
  });

  it('drops an archived competence’s column and refuses an unknown unit or category', async () => {
    const { app, admin, adminId, ids } = await world();
    unwrapOk(
      await app.invoke('competences.archive', { id: ids.fireW, archived: true }, { actorId: adminId }),
    );
    expect((await admin.matrix()).columns.map((c) => c.code)).toEqual(['FIRST', 'FORK-A']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const q of [{ unitId: unknown }, { categoryId: unknown }]) {
      const res = await app.invoke('competences.matrix', q, { actorId: adminId });
      expect(res.ok ? 'found' : res.error.code).toBe('not_found');
    }
  });
});

describe('competences.report', () => {
  it('writes the held competences as CSV with a BOM, CRLF and the exact header', async () => {
    const { admin } = await world();
    const r = await admin.report();
    expect(r.fileName).toBe('competences-2026-03-01.csv');
    expect(r.rows).toBeNull();
    expect(r.csv?.split('\r\n')).toEqual([
      '\uFEFFEmail,First Name,Last Name,Competence Code,Competence Name,Valid From,Valid Until,Status,Source Module',
      'acme@example.com,Alex,Acme,FORK-A,Forklift A,2025-06-01,2026-06-01,valid,LIFT',
      'lulea@example.com,Lars,Luleå,FIRST,"First aid, basic",2024-03-30,2026-03-30,expiring,AID',
      'lulea@example.com,Lars,Luleå,FORK-A,Forklift A,2025-03-20,2026-03-20,expiring,LIFT',
      'malmo@example.com,Maja,Malmö,FIRE-W,Fire warden,2026-01-15,2026-04-25,valid,FIRE',
      'malmo@example.com,Maja,Malmö,FORK-A,Forklift A,2025-02-28,2026-02-28,expired,LIFT',
      'ume@example.com,Ulla,Umeå,FIRST,"First aid, basic",2024-03-31,2026-03-31,valid,AID',
      'ume@example.com,Ulla,Umeå,FORK-A,Forklift A,2025-06-01,2026-06-01,valid,LIFT',
      '',
    ]);
  });

  it('gives JSON rows with the same filters as the matrix, and escapes formulas in CSV', async () => {
    const { admin, c, ids, u } = await world();
    const r = await admin.report({
      format: 'json',
      asOf: '2025-06-01',
      unitId: u('norr'),
      categoryId: ids.safety,
    });
    expect(r.csv).toBeNull();
    expect(r.fileName).toBe('competences-2025-06-01.csv');
    expect(r.rows).toEqual([
      {
        email: 'lulea@example.com',
        firstName: 'Lars',
        lastName: 'Luleå',
        competenceCode: 'FORK-A',
        competenceName: 'Forklift A',
        validFrom: '2025-03-20',
        validUntil: '2026-03-20',
        status: 'valid',
        sourceModule: 'LIFT',
      },
      expect.objectContaining({
        email: 'ume@example.com',
        validFrom: '2025-06-01',
        competenceCode: 'FORK-A',
      }),
    ]);
    await c.save({
      id: ids.fireW,
      code: 'FIRE-W',
      name: '=Brandvakt',
      parentId: ids.safety,
      defaultDays: 100,
    });
    expect((await admin.report()).csv).toContain(",FIRE-W,'=Brandvakt,");
  });
});
