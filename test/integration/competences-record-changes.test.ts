import { describe, expect, it } from 'vitest';
import { competenceCalls, competencesWorld } from '../helpers/competences.js';
import { unwrapOk } from '../helpers/events.js';
import { importRecords } from '../helpers/records-import-flow.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

/**
 * Competences follow the records they came from (issue 9): a record removed takes its grant along,
 * the same completion coming back brings back exactly what it gave — even through a mapping deleted
 * since (`003_*`: deleting a mapping keeps what it gave) — and a corrected date moves the period.
 */
async function world(defaultDays: number) {
  const w = await competencesWorld();
  const c = competenceCalls(w.app, w.adminId);
  const ulla = w.people.umeColleague;
  const fork = await c.save({ code: 'FORK-A', name: 'Forklift A', defaultDays });
  await c.map(fork.id, [w.fire]);
  await c.pass(w.fire, '2025-06-01', [ulla]);
  const held = async () =>
    (await c.person(ulla)).rows.map((r) => `${r.code} ${r.validFrom} → ${r.validUntil ?? 'never'}`);
  const recordId = w.app.db
    .prepare('SELECT id FROM training_record WHERE person_id = ?')
    .pluck()
    .get(ulla) as string;
  return { ...w, c, ulla, fork, held, recordId };
}

describe('competences when records change', () => {
  it('undoing an import that deleted the record brings the competence back, mapping since removed or not', async () => {
    const w = await world(365);
    await w.c.map(w.fork.id, []);
    expect(await w.held()).toEqual(['FORK-A 2025-06-01 → 2026-06-01']);
    await importRecords(
      w.app,
      w.adminId,
      `${HEADER}\r\n${w.recordId},ume@example.com,Course,FIRE,,,2025-06-01,,,1\r\n`,
      { commit: true },
    );
    expect(await w.held()).toEqual([]);
    const importId = w.app.db
      .prepare('SELECT id FROM record_import ORDER BY at DESC')
      .pluck()
      .get() as string;
    unwrapOk(await w.app.invoke('records.imports.undo', { id: importId }, { actorId: w.adminId }));
    expect(await w.held()).toEqual(['FORK-A 2025-06-01 → 2026-06-01']);
  });

  it('a corrected completion date moves the period and keeps its length, whatever the default days are now', async () => {
    const w = await world(730);
    await w.c.save({ id: w.fork.id, code: 'FORK-A', name: 'Forklift A', defaultDays: 30 });
    expect(await w.held()).toEqual(['FORK-A 2025-06-01 → 2027-06-01']);
    unwrapOk(
      await w.app.invoke(
        'records.update',
        { id: w.recordId, completionDate: '2025-06-02' },
        { actorId: w.adminId },
      ),
    );
    expect(await w.held()).toEqual(['FORK-A 2025-06-02 → 2027-06-02']);
  });

  it('a deleted record takes its competence along', async () => {
    const w = await world(365);
    unwrapOk(await w.app.invoke('records.delete', { id: w.recordId }, { actorId: w.adminId }));
    expect(await w.held()).toEqual([]);
  });
});
