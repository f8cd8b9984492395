import { describe, expect, it } from 'vitest';
import { unwrapOk } from '../helpers/events.js';
import { competenceCalls, competencesWorld, grantRows } from '../helpers/competences.js';
import type { TestApp } from '../helpers/app.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);
const count = (app: TestApp, table: string) =>
  app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Safety → Lifting → Forklift A, with First aid beside Safety. */
async function treeWorld() {
  const w = await competencesWorld();
  const c = competenceCalls(w.app, w.adminId);
  const safety = await c.save({ code: 'SAFE', name: 'Safety' });
  const lifting = await c.save({ code: 'LIFTING', name: 'Lifting', parentId: safety.id });
  const forklift = await c.save({
    code: 'FORK-A',
    name: 'Forklift A',
    parentId: lifting.id,
    defaultDays: 730,
  });
  const firstAid = await c.save({ code: 'AID', name: 'First aid', defaultDays: 365 });
  const tree = async () =>
    unwrapOk(await w.app.invoke('competences.tree', {}, { actorId: w.adminId })).nodes.map((n) => n.code);
  return { ...w, c, safety, lifting, forklift, firstAid, tree };
}

describe('the competence tree', () => {
  it('lists parents before children, siblings by name, and refuses duplicate codes and cycles', async () => {
    const w = await treeWorld();
    expect(await w.tree()).toEqual(['AID', 'SAFE', 'LIFTING', 'FORK-A']);
    const dup = await w.app.invoke(
      'competences.save',
      { code: 'fork-a', name: 'Another', defaultDays: null },
      { actorId: w.adminId },
    );
    expect(code(dup)).toBe('conflict');
    expect(!dup.ok && dup.error.details).toEqual([
      { path: 'code', message: 'Already used by Forklift A (FORK-A).' },
    ]);
    const cycle = await w.app.invoke(
      'competences.save',
      { id: w.safety.id, code: 'SAFE', name: 'Safety', parentId: w.forklift.id, defaultDays: null },
      { actorId: w.adminId },
    );
    expect(!cycle.ok && cycle.error.message).toBe(
      'Safety (SAFE) cannot move under its own sub-competence Forklift A (FORK-A).',
    );
    // A real move: Lifting (and Forklift A with it) under First aid.
    await w.c.save({ id: w.lifting.id, code: 'LIFTING', name: 'Lifting', parentId: w.firstAid.id });
    expect(await w.tree()).toEqual(['AID', 'LIFTING', 'FORK-A', 'SAFE']);
  });

  it('deletes a competence with its subtree from everyone, after the confirmed count, keeping the rows in the audit', async () => {
    const w = await treeWorld();
    const ulla = w.people.umeColleague;
    const lars = w.people.luleaPerson;
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.map(w.lifting.id, [w.lift]);
    await w.c.map(w.firstAid.id, [w.fire]);
    await w.c.pass(w.fire, '2025-06-01', [ulla, lars]);
    await w.c.pass(w.lift, '2025-07-01', [ulla]);

    const impact = unwrapOk(
      await w.app.invoke('competences.deleteImpact', { id: w.lifting.id }, { actorId: w.adminId }),
    );
    expect(impact).toEqual({ competences: 2, people: 2, grants: 3, mappings: 2 });
    const stale = await w.app.invoke(
      'competences.delete',
      { id: w.lifting.id, confirmPeople: 1 },
      { actorId: w.adminId },
    );
    expect(code(stale)).toBe('conflict');
    expect(!stale.ok && stale.error.message).toBe(
      '2 people hold Lifting (LIFTING) now, not 1: look again before deleting.',
    );
    expect(count(w.app, 'competence')).toBe(4);

    const done = unwrapOk(
      await w.app.invoke(
        'competences.delete',
        { id: w.lifting.id, confirmPeople: 2 },
        { actorId: w.adminId },
      ),
    );
    expect(done).toEqual(impact);
    expect(await w.tree()).toEqual(['AID', 'SAFE']);
    // Only First aid is left on anyone.
    expect(new Set(grantRows(w.app).map((g) => g.competence_id))).toEqual(new Set([w.firstAid.id]));
    expect((await w.c.person(ulla)).rows.map((r) => r.code)).toEqual(['AID']);

    const audit = w.app.db
      .prepare("SELECT summary, before FROM audit_log WHERE call = 'competences.delete'")
      .all() as { summary: string; before: string }[];
    expect(audit.map((a) => a.summary)).toEqual([
      'Deleted competence Lifting (LIFTING) and 1 below it; removed from 2 people',
    ]);
    const before = JSON.parse(audit[0]?.before ?? '{}') as {
      competences: { code: string }[];
      mappings: unknown[];
      grants: { email: string; completion_date: string }[];
    };
    expect(before.competences.map((c) => c.code)).toEqual(['FORK-A', 'LIFTING']);
    expect(before.mappings).toHaveLength(2);
    expect(before.grants.map((g) => [g.email, g.completion_date]).sort()).toEqual([
      ['lulea@example.com', '2025-06-01'],
      ['ume@example.com', '2025-06-01'],
      ['ume@example.com', '2025-07-01'],
    ]);
  });

  it('archives a subtree and brings it back only under a live parent', async () => {
    const w = await treeWorld();
    const archived = unwrapOk(
      await w.app.invoke('competences.archive', { id: w.lifting.id, archived: true }, { actorId: w.adminId }),
    );
    expect(archived.archived).toBe(true);
    expect(await w.tree()).toEqual(['AID', 'SAFE']);
    const child = await w.app.invoke(
      'competences.archive',
      { id: w.forklift.id, archived: false },
      { actorId: w.adminId },
    );
    expect(!child.ok && child.error.message).toBe('Lifting (LIFTING) is archived too: bring it back first.');
    unwrapOk(
      await w.app.invoke(
        'competences.archive',
        { id: w.lifting.id, archived: false },
        { actorId: w.adminId },
      ),
    );
    expect(await w.tree()).toEqual(['AID', 'SAFE', 'LIFTING', 'FORK-A']);
  });

  it('bringing a subtree back grants what completions recorded while it was archived give', async () => {
    const w = await treeWorld();
    const ulla = w.people.umeColleague;
    const lars = w.people.luleaPerson;
    await w.c.map(w.forklift.id, [w.fire]);
    await w.c.map(w.lifting.id, [w.lift]);
    await w.c.pass(w.fire, '2025-01-10', [ulla]);
    const archive = (archived: boolean) =>
      w.app.invoke('competences.archive', { id: w.lifting.id, archived }, { actorId: w.adminId });
    unwrapOk(await archive(true));
    await w.c.pass(w.fire, '2025-03-01', [ulla]);
    await w.c.pass(w.lift, '2025-04-01', [lars]);
    expect(grantRows(w.app).map((g) => g.completion_date)).toEqual(['2025-01-10']);

    unwrapOk(await archive(false));
    const held = (personId: string) =>
      grantRows(w.app)
        .filter((g) => g.person_id === personId)
        .map((g) => [g.competence_id, g.completion_date, g.valid_until]);
    expect(held(ulla)).toEqual([
      [w.forklift.id, '2025-01-10', '2027-01-10'],
      [w.forklift.id, '2025-03-01', '2027-03-01'],
    ]);
    expect(held(lars)).toEqual([[w.lifting.id, '2025-04-01', null]]);
    expect((await w.c.person(ulla)).rows.map((r) => [r.code, r.validUntil])).toEqual([
      ['FORK-A', '2027-03-01'],
    ]);
    const summaries = w.app.db
      .prepare("SELECT summary FROM audit_log WHERE call = 'competences.archive' ORDER BY seq")
      .pluck()
      .all();
    expect(summaries).toEqual([
      'Archived competence Lifting (LIFTING) and 1 below it',
      'Brought back competence Lifting (LIFTING) and 1 below it; backfill gave 2 grants to 2 people',
    ]);
  });

  it('treats codes that differ only in case as the same, in any script', async () => {
    const w = await treeWorld();
    const ovr = await w.c.save({ code: 'ÖVR-1', name: 'Övrigt' });
    for (const taken of ['övr-1', 'Övr-1', 'aid']) {
      const res = await w.app.invoke(
        'competences.save',
        { code: taken, name: 'Another', defaultDays: null },
        { actorId: w.adminId },
      );
      expect(code(res)).toBe('conflict');
    }
    const dup = await w.app.invoke(
      'competences.save',
      { code: 'övr-1', name: 'Another', defaultDays: null },
      { actorId: w.adminId },
    );
    expect(!dup.ok && dup.error.message).toBe('The code övr-1 is already used by Övrigt (ÖVR-1).');
    // Its own code in another case is no clash: the competence keeps the code as typed now.
    const renamed = await w.c.save({ id: ovr.id, code: 'Övr-1', name: 'Övrigt' });
    expect(renamed.code).toBe('Övr-1');
    expect(count(w.app, 'competence')).toBe(5);
  });
});

describe('who may see and change competences', () => {
  it('a member cannot change the tree; a manager sees a person’s competences only within reach', async () => {
    const w = await treeWorld();
    await w.c.map(w.firstAid.id, [w.fire]);
    await w.c.pass(w.fire, '2025-06-01', [w.people.umeColleague, w.people.malmoPerson]);
    const save = await w.app.invoke(
      'competences.save',
      { code: 'X', name: 'X', defaultDays: null },
      { actorId: w.member },
    );
    expect(code(save)).toBe('forbidden');
    const managerSave = await w.app.invoke(
      'competences.save',
      { code: 'X', name: 'X', defaultDays: null },
      { actorId: w.manager },
    );
    expect(code(managerSave)).toBe('forbidden');
    const mine = competenceCalls(w.app, w.manager);
    expect((await mine.person(w.people.umeColleague)).rows.map((r) => r.code)).toEqual(['AID']);
    const outside = await w.app.invoke(
      'competences.person',
      { personId: w.people.malmoPerson },
      { actorId: w.manager },
    );
    expect(code(outside)).toBe('forbidden');
    // A member sees their own competences (none), not a colleague's.
    expect((await competenceCalls(w.app, w.member).person(w.member)).rows).toEqual([]);
    const colleague = await w.app.invoke(
      'competences.person',
      { personId: w.people.umeColleague },
      { actorId: w.member },
    );
    expect(code(colleague)).toBe('forbidden');
  });
});
