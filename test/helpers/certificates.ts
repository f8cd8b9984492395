import { runDaily } from '../../src-main/app/daily.js';
import { publishModule, value } from './catalog.js';
import { orgFixture } from './org-fixture.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

/**
 * Today is 2026-03-01. Umeå's configuration requires Fire safety (valid 12
 * months) and Ladder work (24 months) and offers First aid; certificates of
 * completion are on.
 */
export async function certificateWorld() {
  const f = await orgFixture();
  const { app, adminId, u, people } = f;
  const admin = { actorId: adminId };
  const pub = (code: string, title: string) =>
    publishModule(app, adminId, {
      code,
      title,
      ownerUnitId: u('org'),
      content: course(code),
      selfEnrol: false,
    });
  const fire = await pub('FIRE', 'Fire safety');
  const ladder = await pub('LADDER', 'Ladder work');
  const first = await pub('FIRST', 'First aid');
  const forklift = await pub('FORK', 'Forklift');
  const items = [
    { moduleId: fire, requirement: 'required' as const, validityMonths: 12 },
    { moduleId: ladder, requirement: 'required' as const, validityMonths: 24 },
    { moduleId: first, requirement: 'optional' as const, validityMonths: 12 },
  ];
  const config = value(
    await app.invoke(
      'configurations.create',
      { name: 'Umeå site training', targetType: 'unit', targetId: u('ume'), items },
      admin,
    ),
  );
  value(await app.invoke('certificates.configuration', { configurationId: config.id, enabled: true }, admin));
  const ulla = people.umeColleague;
  const day = (d: string) => app.clock.set(`${d}T09:00:00.000Z`);
  const passed = async (moduleId: string, date: string, personId = ulla) => {
    if (date > app.clock.now().toISOString().slice(0, 10)) day(date);
    value(
      await app.invoke('results.record', { moduleId, date, status: 'passed', personIds: [personId] }, admin),
    );
  };
  const daily = (d: string) => {
    day(d);
    return runDaily(app);
  };
  const mine = async (personId = ulla) =>
    value(await app.invoke('certificates.mine', {}, { actorId: personId })).rows;
  /** The "no longer valid" notices in the bell. */
  const notices = (personId = ulla) =>
    app.db
      .prepare(`SELECT title, body FROM notification WHERE person_id = ? AND kind = 'certificate_invalid'`)
      .all(personId) as { title: string; body: string }[];
  const mails = (personId = ulla) =>
    app.db
      .prepare(
        `SELECT o.subject FROM outbox o JOIN person p ON p.email = o.to_email WHERE p.id = ? ORDER BY o.rowid`,
      )
      .pluck()
      .all(personId) as string[];
  return {
    ...f,
    admin,
    fire,
    ladder,
    first,
    forklift,
    items,
    config,
    ulla,
    day,
    passed,
    daily,
    mine,
    notices,
    mails,
  };
}
