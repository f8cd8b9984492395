import { describe, expect, it } from 'vitest';
import { unwrapOk } from '../helpers/events.js';
import { competenceCalls, competencesWorld, grantRows } from '../helpers/competences.js';
import { importRecords } from '../helpers/records-import-flow.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

/** What the person page shows: code → [valid from, valid until, status]. */
const shown = (p: {
  rows: { code: string; validFrom: string; validUntil: string | null; status: string }[];
}) => Object.fromEntries(p.rows.map((r) => [r.code, [r.validFrom, r.validUntil, r.status]]));

async function world() {
  const w = await competencesWorld();
  const c = competenceCalls(w.app, w.adminId);
  const ulla = w.people.umeColleague;
  const lars = w.people.luleaPerson;
  const forklift = await c.save({ code: 'FORK-A', name: 'Forklift A', defaultDays: 365 });
  return { ...w, c, ulla, lars, forklift };
}

describe('granting competences from training (003_*)', () => {
  it('backfills everyone who already passed a module, dated from their own completion', async () => {
    const w = await world();
    await w.c.pass(w.fire, '2024-05-10', [w.ulla]);
    await w.c.pass(w.fire, '2025-11-02', [w.lars]);
    await w.c.pass(w.lift, '2025-01-01', [w.ulla]);

    const preview = unwrapOk(
      await w.app.invoke(
        'competences.mappingPreview',
        { competenceId: w.forklift.id, moduleIds: [w.fire] },
        { actorId: w.adminId },
      ),
    );
    expect(preview).toMatchObject({ people: 2, grants: 2, removed: [] });
    expect(preview.added).toEqual([
      { moduleId: w.fire, code: 'FIRE', title: 'Fire Safety', kind: 'course', people: 2, grants: 2 },
    ]);

    expect(await w.c.map(w.forklift.id, [w.fire])).toEqual({ people: 2, grants: 2, removed: 0 });
    // valid-until = completion + 365 days; Ulla's ran out in 2025, Lars's holds until 2026-11-02.
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2024-05-10', '2025-05-10', 'expired'] });
    const lars = await w.c.person(w.lars);
    expect(shown(lars)).toEqual({ 'FORK-A': ['2025-11-02', '2026-11-02', 'valid'] });
    expect(lars.rows[0]?.source).toEqual({ moduleId: w.fire, code: 'FIRE', title: 'Fire Safety' });

    const audit = w.app.db
      .prepare("SELECT summary FROM audit_log WHERE call = 'competences.saveMappings'")
      .pluck()
      .all();
    expect(audit).toEqual([
      'Competence Forklift A (FORK-A): mapped FIRE; backfill gave 2 grants to 2 people',
    ]);
  });

  it('never duplicates: saving the same mapping again, re-running the backfill, importing the same history twice', async () => {
    const w = await world();
    const csv = `${HEADER}\r\n,ume@example.com,Course,FIRE,,,2025-06-01,,,\r\n`;
    await importRecords(w.app, w.adminId, csv, { commit: true });
    expect(await w.c.map(w.forklift.id, [w.fire])).toEqual({ people: 1, grants: 1, removed: 0 });
    expect(await w.c.map(w.forklift.id, [w.fire])).toEqual({ people: 0, grants: 0, removed: 0 });
    // Unmapping and mapping again re-runs the backfill over the same completions.
    await w.c.map(w.forklift.id, []);
    expect(await w.c.map(w.forklift.id, [w.fire])).toEqual({ people: 0, grants: 0, removed: 0 });
    // The same completion again, by import and by a manual result: still one grant.
    await importRecords(w.app, w.adminId, csv, { commit: true });
    await w.c.pass(w.fire, '2025-06-01', [w.ulla]);
    expect(grantRows(w.app)).toEqual([
      {
        person_id: w.ulla,
        competence_id: w.forklift.id,
        module_id: w.fire,
        completion_date: '2025-06-01',
        valid_until: '2026-06-01',
      },
    ]);
  });

  it('grants at once when a mapped module is passed, and a later completion extends it', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire, w.lift]);
    await w.c.pass(w.fire, '2025-01-10', [w.ulla]);
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2025-01-10', '2026-01-10', 'expired'] });
    await w.c.pass(w.lift, '2026-02-15', [w.ulla]);
    const now = await w.c.person(w.ulla);
    expect(shown(now)).toEqual({ 'FORK-A': ['2026-02-15', '2027-02-15', 'valid'] });
    expect(now.rows[0]?.grants.map((g) => [g.moduleTitle, g.completionDate, g.validUntil])).toEqual([
      ['Lifting', '2026-02-15', '2027-02-15'],
      ['Fire Safety', '2025-01-10', '2026-01-10'],
    ]);
    // An earlier completion recorded afterwards never shortens it.
    await w.c.pass(w.fire, '2025-09-01', [w.ulla]);
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2026-02-15', '2027-02-15', 'valid'] });
  });

  it('answers as of a past date: not held before the completion, expired after valid-until', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.pass(w.fire, '2024-03-01', [w.ulla]);
    expect((await w.c.person(w.ulla, '2024-02-29')).rows).toEqual([]);
    expect(shown(await w.c.person(w.ulla, '2024-03-01'))).toEqual({
      'FORK-A': ['2024-03-01', '2025-03-01', 'valid'],
    });
    // Within the organisation's 30-day warning window, the last day still counts.
    expect(shown(await w.c.person(w.ulla, '2025-03-01'))).toEqual({
      'FORK-A': ['2024-03-01', '2025-03-01', 'expiring'],
    });
    expect(shown(await w.c.person(w.ulla, '2025-03-02'))).toEqual({
      'FORK-A': ['2024-03-01', '2025-03-01', 'expired'],
    });
  });

  it('keeps what a deleted mapping gave, but grants nothing new through it', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.pass(w.fire, '2025-06-01', [w.ulla]);
    expect(await w.c.map(w.forklift.id, [])).toEqual({ people: 0, grants: 0, removed: 1 });
    await w.c.pass(w.fire, '2026-02-01', [w.lars]);
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2025-06-01', '2026-06-01', 'valid'] });
    expect((await w.c.person(w.lars)).rows).toEqual([]);
  });

  it('gives an archived competence no new grants, live or backfilled, and keeps the held ones', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.pass(w.fire, '2025-06-01', [w.ulla]);
    unwrapOk(
      await w.app.invoke(
        'competences.archive',
        { id: w.forklift.id, archived: true },
        { actorId: w.adminId },
      ),
    );
    await w.c.pass(w.fire, '2026-01-01', [w.lars]);
    const held = await w.c.person(w.ulla);
    expect(held.rows.map((r) => [r.code, r.archived])).toEqual([['FORK-A', true]]);
    expect((await w.c.person(w.lars)).rows).toEqual([]);
    const more = await w.app.invoke(
      'competences.saveMappings',
      { competenceId: w.forklift.id, moduleIds: [w.fire, w.lift] },
      { actorId: w.adminId },
    );
    expect(!more.ok && more.error.message).toBe(
      'Forklift A (FORK-A) is archived: bring it back before mapping modules to it.',
    );
    const tree = unwrapOk(await w.app.invoke('competences.tree', {}, { actorId: w.adminId }));
    expect(tree.nodes).toEqual([]);
    const all = unwrapOk(
      await w.app.invoke('competences.tree', { includeArchived: true }, { actorId: w.adminId }),
    );
    expect(all.nodes.map((n) => [n.code, n.archived])).toEqual([['FORK-A', true]]);
  });

  it('removes the grant when the record that gave it is deleted, and moves it when its date is corrected', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire]);
    const [row] = (await w.c.pass(w.fire, '2025-06-01', [w.ulla])).rows;
    const recordId = row?.recordId ?? '';
    unwrapOk(
      await w.app.invoke(
        'records.update',
        { id: recordId, completionDate: '2025-07-01' },
        { actorId: w.adminId },
      ),
    );
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2025-07-01', '2026-07-01', 'valid'] });
    unwrapOk(await w.app.invoke('records.delete', { id: recordId }, { actorId: w.adminId }));
    expect((await w.c.person(w.ulla)).rows).toEqual([]);
    expect(grantRows(w.app)).toEqual([]);
  });

  it('a new default validity applies to new grants only', async () => {
    const w = await world();
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.pass(w.fire, '2025-06-01', [w.ulla]);
    await w.c.save({ id: w.forklift.id, code: 'FORK-A', name: 'Forklift A', defaultDays: null });
    await w.c.pass(w.fire, '2025-06-01', [w.lars]);
    expect(shown(await w.c.person(w.ulla))).toEqual({ 'FORK-A': ['2025-06-01', '2026-06-01', 'valid'] });
    expect(shown(await w.c.person(w.lars))).toEqual({ 'FORK-A': ['2025-06-01', null, 'valid'] });
  });
});
