import { describe, expect, it } from 'vitest';
import { syncAll } from '../../src-main/domain/configurations/sync.js';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

/**
 * Today is 2026-03-01. Umeå requires Fire safety (valid 12 months, no due rule, so
 * only expiry makes news), hides Ladder work and offers First aid, both 12 months too.
 */
async function world() {
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
  value(
    await app.invoke(
      'configurations.create',
      {
        name: 'Umeå',
        targetType: 'unit',
        targetId: u('ume'),
        items: [
          { moduleId: fire, requirement: 'required', validityMonths: 12 },
          { moduleId: ladder, requirement: 'hidden', validityMonths: 12 },
          { moduleId: first, requirement: 'optional', validityMonths: 12 },
        ],
      },
      admin,
    ),
  );
  const ulla = people.umeColleague;
  const day = (d: string) => app.clock.set(`${d}T09:00:00.000Z`);
  /** A manual result dated `date`, recorded then or (for a past date) today. */
  const passed = async (moduleId: string, date: string, personId = ulla) => {
    if (date > app.clock.now().toISOString().slice(0, 10)) day(date);
    value(
      await app.invoke('results.record', { moduleId, date, status: 'passed', personIds: [personId] }, admin),
    );
  };
  /** The daily run, as on that morning. */
  const daily = (d: string) => {
    day(d);
    return syncAll(app.db, d, `${d}T06:00:00.000Z`);
  };
  const expiryNotes = (personId = ulla) =>
    app.db
      .prepare(
        `SELECT kind, title, body, dedupe_key AS key FROM notification
         WHERE person_id = ? AND kind IN ('expiring', 'expired') ORDER BY rowid`,
      )
      .all(personId) as { kind: string; title: string; body: string; key: string }[];
  const outbox = () =>
    app.db
      .prepare(
        `SELECT o.to_email, o.subject, o.body, n.kind FROM outbox o JOIN notification n ON n.id = o.notification_id
         WHERE n.kind IN ('expiring', 'expired') ORDER BY o.rowid`,
      )
      .all() as { to_email: string; subject: string; body: string; kind: string }[];
  return { ...f, admin, fire, ladder, first, ulla, day, passed, daily, expiryNotes, outbox };
}

describe('expiring and expired notifications', () => {
  it('tells a person once when a Required completion is about to expire, and queues the email', async () => {
    const { fire, ulla, passed, daily, expiryNotes, outbox } = await world();
    await passed(fire, '2025-03-21');
    daily('2026-03-01');
    expect(expiryNotes()).toEqual([
      {
        kind: 'expiring',
        title: 'Training expiring soon: Fire safety',
        body: 'Fire safety expires on 2026-03-21. Renew it before then.',
        key: `expiring:${ulla}:${fire}:2026-03-21`,
      },
    ]);
    expect(outbox()).toEqual([
      {
        to_email: 'ume@example.com',
        subject: 'Training expiring soon: Fire safety',
        body: 'Fire safety expires on 2026-03-21. Renew it before then.',
        kind: 'expiring',
      },
    ]);
    // The same day again, and the next days while it stays expiring: nothing new.
    daily('2026-03-01');
    daily('2026-03-02');
    daily('2026-03-20');
    expect(expiryNotes()).toHaveLength(1);
    expect(outbox()).toHaveLength(1);
  });

  it('a renewal is quiet until it in turn nears its expiry', async () => {
    const { fire, ulla, passed, daily, expiryNotes } = await world();
    await passed(fire, '2025-03-21');
    daily('2026-03-01');
    await passed(fire, '2026-03-05');
    daily('2026-03-05');
    daily('2026-03-21'); // the old completion's expiry date: the renewal counts, so not expired
    daily('2027-02-02'); // renewal expires 2027-03-05: 31 days away, outside the 30-day window
    expect(expiryNotes().map((n) => n.key)).toEqual([`expiring:${ulla}:${fire}:2026-03-21`]);
    daily('2027-02-03');
    expect(expiryNotes().map((n) => n.key)).toEqual([
      `expiring:${ulla}:${fire}:2026-03-21`,
      `expiring:${ulla}:${fire}:2027-03-05`,
    ]);
  });

  it('tells a person once when a Required completion has expired; a renewal expires anew', async () => {
    const { fire, ulla, passed, daily, expiryNotes, outbox } = await world();
    await passed(fire, '2025-02-20');
    daily('2026-03-01');
    expect(expiryNotes()).toEqual([
      {
        kind: 'expired',
        title: 'Training expired: Fire safety',
        body: 'Fire safety expired on 2026-02-20. Renew it now.',
        key: `expired:${ulla}:${fire}:2026-02-20`,
      },
    ]);
    daily('2026-03-01');
    daily('2026-03-02');
    expect(expiryNotes()).toHaveLength(1);
    expect(outbox().map((o) => [o.kind, o.to_email])).toEqual([['expired', 'ume@example.com']]);

    await passed(fire, '2026-03-03');
    daily('2026-03-03');
    daily('2027-01-31');
    expect(expiryNotes()).toHaveLength(1);
    daily('2027-02-01'); // 30 days before 2027-03-03
    daily('2027-03-03');
    daily('2027-03-04');
    expect(expiryNotes().map((n) => n.key)).toEqual([
      `expired:${ulla}:${fire}:2026-02-20`,
      `expiring:${ulla}:${fire}:2027-03-03`,
      `expired:${ulla}:${fire}:2027-03-03`,
    ]);
    expect(outbox()).toHaveLength(3);
  });

  it('never tells about Hidden or Optional modules, nor people the module is not required of', async () => {
    const { fire, ladder, first, people, passed, daily, expiryNotes, outbox } = await world();
    await passed(ladder, '2025-02-20');
    await passed(first, '2025-03-10');
    await passed(fire, '2025-02-20', people.luleaPerson);
    daily('2026-03-01');
    expect(expiryNotes()).toEqual([]);
    expect(expiryNotes(people.luleaPerson)).toEqual([]);
    expect(outbox()).toEqual([]);
  });

  it('follows the configured expiring window', async () => {
    const { app, fire, passed, daily, expiryNotes } = await world();
    app.db.prepare("INSERT INTO setting (key, value) VALUES ('compliance.expiringDays', '10')").run();
    await passed(fire, '2025-03-21');
    daily('2026-03-01'); // 20 days away: outside a 10-day window
    expect(expiryNotes()).toEqual([]);
    daily('2026-03-11');
    expect(expiryNotes().map((n) => n.kind)).toEqual(['expiring']);
  });

  it('the person’s own dashboard brings their notices in step the same day', async () => {
    const { app, fire, ulla, passed, daily, day, expiryNotes } = await world();
    daily('2026-03-01'); // the daily run has passed for today
    await passed(fire, '2025-03-21');
    day('2026-03-01');
    expect(expiryNotes()).toEqual([]);
    value(await app.invoke('learning.dashboard', {}, { actorId: ulla }));
    expect(expiryNotes().map((n) => n.key)).toEqual([`expiring:${ulla}:${fire}:2026-03-21`]);
    const list = value(await app.invoke('notifications.list', { unreadOnly: true }, { actorId: ulla }));
    expect(list.rows.map((n) => n.kind)).toContain('expiring');
  });
});
