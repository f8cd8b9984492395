import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { publishModule, value } from '../helpers/catalog.js';
import { addSession, eventModule } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

async function world() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const bo = addPerson(app, { email: 'bo@example.com', unitId: u('ume'), firstName: 'Bo', lastName: 'Berg' });
  const ev = await eventModule(app, adminId, { code: 'EV', title: 'First aid', ownerUnitId: u('ume') });
  const sessionId = await addSession(app, mgr, { moduleId: ev, day: '2026-03-05' });
  value(await app.invoke('events.register', { sessionId, personIds: [bo] }, { actorId: mgr }));
  const count = (sql: string, ...params: string[]) =>
    app.db
      .prepare(sql)
      .pluck()
      .get(...params);
  const mark = (attendance: 'attended' | 'absent') =>
    app.invoke(
      'events.markAttendance',
      { sessionId, marks: [{ personId: bo, attendance }] },
      { actorId: mgr },
    );
  return { ...f, mgr, bo, ev, sessionId, count, mark };
}

describe('correcting attendance', () => {
  it('refuses to take back attendance that completed a learning path, and changes nothing', async () => {
    const w = await world();
    const { app, adminId, u, bo, ev, count, mark } = w;
    const path = await publishModule(app, adminId, {
      code: 'IND',
      title: 'Induction',
      ownerUnitId: u('org'),
      content: { kind: 'learning_path', items: [{ moduleId: ev, required: true, requiresPrevious: false }] },
    });
    value(await app.invoke('learning.enrol', { moduleId: path }, { actorId: bo }));
    app.clock.set('2026-03-05T12:00:00.000Z');
    value(await mark('attended'));
    const pathRecords = () =>
      count('SELECT count(*) FROM training_record WHERE object_id = ? AND person_id = ?', path, bo);
    expect(pathRecords()).toBe(1);

    const res = await mark('absent');
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('conflict');
      expect(res.error.message).toBe(
        'Bo Berg’s attendance completed “Induction”; that cannot be undone here — correct their training records instead.',
      );
    }
    expect(count('SELECT count(*) FROM result WHERE module_id = ? AND person_id = ?', ev, bo)).toBe(1);
    expect(pathRecords()).toBe(1);
    const roster = value(await app.invoke('events.roster', { id: w.sessionId }, { actorId: w.mgr }));
    expect(roster.rows[0]?.attendance).toBe('attended');
  });

  it('still takes back attendance that completed nothing else', async () => {
    const { app, bo, ev, count, mark } = await world();
    app.clock.set('2026-03-05T12:00:00.000Z');
    value(await mark('attended'));
    value(await mark('absent'));
    expect(count('SELECT count(*) FROM result WHERE module_id = ? AND person_id = ?', ev, bo)).toBe(0);
  });
});

describe('removing someone from a session', () => {
  it('refuses while they are marked as attended, and allows it once marked absent', async () => {
    const { app, mgr, bo, ev, sessionId, count, mark } = await world();
    app.clock.set('2026-03-05T12:00:00.000Z');
    value(await mark('attended'));
    const res = await app.invoke('events.unregister', { sessionId, personId: bo }, { actorId: mgr });
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.error.message).toBe(
        'Bo Berg is marked as attended at First aid on 2026-03-05; clear their attendance mark first (mark them absent), then remove them.',
      );
    const roster = value(await app.invoke('events.roster', { id: sessionId }, { actorId: mgr }));
    expect(roster.rows.map((r) => [r.status, r.attendance])).toEqual([['registered', 'attended']]);

    value(await mark('absent'));
    value(await app.invoke('events.unregister', { sessionId, personId: bo }, { actorId: mgr }));
    expect(count('SELECT count(*) FROM result WHERE module_id = ? AND person_id = ?', ev, bo)).toBe(0);
  });
});
