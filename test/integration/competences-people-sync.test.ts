import { describe, expect, it } from 'vitest';
import { competenceCalls, competencesWorld } from '../helpers/competences.js';
import { importPeople, peopleCsv, personByEmail } from '../helpers/people.js';

describe('competences follow the person through the people sync (003_*: matched by email)', () => {
  it('keeps a person’s competences when the HR file changes their name and unit', async () => {
    const w = await competencesWorld();
    const c = competenceCalls(w.app, w.adminId);
    const aid = await c.save({ code: 'AID', name: 'First aid', defaultDays: 365 });
    await c.map(aid.id, [w.fire]);
    await c.pass(w.fire, '2025-06-01', [w.people.umeColleague]);
    const before = await c.person(w.people.umeColleague);
    expect(before.rows.map((r) => [r.code, r.validUntil])).toEqual([['AID', '2026-06-01']]);

    // The file has no employee number; the email (in another case) is what matches.
    const file = peopleCsv('UME@Example.com,Ulrika,Umeå-Berg,,S-MMA,,,,active');
    const summary = await importPeople(w.app, w.adminId, file, { commit: true });
    expect(summary).toMatchObject({ committed: true, counts: { created: 0, updated: 1 }, errors: [] });

    const synced = personByEmail(w.app, 'ume@example.com');
    expect(synced).toMatchObject({ id: w.people.umeColleague, first_name: 'Ulrika', unit_code: 'S-MMA' });
    expect(await c.person(w.people.umeColleague)).toEqual(before);
  });
});
