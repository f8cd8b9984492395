import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { addSession, eventModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

/** Umeå owns a First Aid event; its Manager runs it; Ulla and three colleagues at Umeå take part. */
async function eventsWorld() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const manager = addPerson(app, {
    email: 'mgr@example.com',
    unitId: u('ume'),
    roleId: 'manager',
    firstName: 'Mats',
    lastName: 'Manager',
  });
  const colleague = (first: string) =>
    addPerson(app, {
      email: `${first.toLowerCase()}@example.com`,
      unitId: u('ume'),
      firstName: first,
      lastName: 'Umeå',
    });
  const anna = colleague('Anna');
  const bo = colleague('Bo');
  const cia = colleague('Cia');
  const firstAid = await eventModule(app, manager, {
    code: 'FA-1',
    title: 'First Aid',
    ownerUnitId: u('ume'),
    selfEnrol: true,
  });
  return { ...f, adminId, manager, anna, bo, cia, firstAid };
}

describe('event sessions, capacity and the waiting list', async () => {
  const w = await eventsWorld();
  const { app, people } = w;
  const register = (sessionId: string, actorId: string) =>
    app.invoke('learning.register', { sessionId }, { actorId });
  const roster = async (id: string) =>
    unwrapOk(await app.invoke('events.roster', { id }, { actorId: w.manager }));
  const statusOf = async (id: string) =>
    Object.fromEntries((await roster(id)).rows.map((r) => [r.name, r.status]));

  it('fills the places in order, then the waiting list, and moves people up when a place frees', async () => {
    const sessionId = await addSession(app, w.manager, { moduleId: w.firstAid, capacity: 2 });
    for (const p of [people.umeColleague, w.anna, w.bo, w.cia])
      expect(code(await register(sessionId, p))).toBe('ok');
    expect(await statusOf(sessionId)).toEqual({
      'Ulla Umeå': 'registered',
      'Anna Umeå': 'registered',
      'Bo Umeå': 'waitlisted',
      'Cia Umeå': 'waitlisted',
    });
    const mine = unwrapOk(await app.invoke('learning.sessions', { moduleId: w.firstAid }, { actorId: w.bo }));
    expect(mine.rows[0]).toMatchObject({
      registered: 2,
      waitlisted: 2,
      myStatus: 'waitlisted',
      canSelfRegister: true,
    });

    // Ulla cancels: Bo, first in the queue, gets her place.
    expect(
      code(await app.invoke('learning.cancelRegistration', { sessionId }, { actorId: people.umeColleague })),
    ).toBe('ok');
    expect(await statusOf(sessionId)).toMatchObject({
      'Ulla Umeå': 'cancelled',
      'Bo Umeå': 'registered',
      'Cia Umeå': 'waitlisted',
    });

    // One more place moves Cia up; fewer places never remove anyone.
    const raised = unwrapOk(
      await app.invoke('events.updateSession', { id: sessionId, capacity: 3 }, { actorId: w.manager }),
    );
    expect(raised).toMatchObject({ capacity: 3, registered: 3, waitlisted: 0 });
    const lowered = unwrapOk(
      await app.invoke('events.updateSession', { id: sessionId, capacity: 1 }, { actorId: w.manager }),
    );
    expect(lowered).toMatchObject({ capacity: 1, registered: 3 });
    // Full now: Ulla, coming back, waits.
    await register(sessionId, people.umeColleague);
    expect((await statusOf(sessionId))['Ulla Umeå']).toBe('waitlisted');
  });

  it('refuses self-registration that the event, the session or visibility does not allow', async () => {
    const closed = await eventModule(app, w.manager, {
      code: 'FA-2',
      title: 'Fire Warden',
      ownerUnitId: w.u('ume'),
    });
    const closedSession = await addSession(app, w.manager, { moduleId: closed });
    const notSelf = await register(closedSession, w.anna);
    expect(code(notSelf)).toBe('invalid_input');
    expect(!notSelf.ok && notSelf.error.message).toMatch(/does not allow registering yourself/);

    const open = await addSession(app, w.manager, { moduleId: w.firstAid, day: '2026-05-01' });
    // Lars works at Luleå: an event owned by Umeå is not his to see.
    expect(code(await register(open, people.luleaPerson))).toBe('not_found');

    expect(code(await register(open, w.anna))).toBe('ok');
    expect(code(await register(open, w.anna))).toBe('conflict');

    const cancelled = await addSession(app, w.manager, { moduleId: w.firstAid, day: '2026-05-02' });
    await register(cancelled, w.bo);
    const after = unwrapOk(
      await app.invoke('events.cancelSession', { id: cancelled }, { actorId: w.manager }),
    );
    expect(after.cancelled).toBe(true);
    expect(code(await register(cancelled, w.cia))).toBe('invalid_input');
    // Registrations stay in the session's history.
    expect((await roster(cancelled)).rows.map((r) => r.name)).toEqual(['Bo Umeå']);

    const soon = await addSession(app, w.manager, { moduleId: w.firstAid, day: '2026-03-02' });
    app.clock.set('2026-03-02T11:00:00.000Z');
    try {
      expect(code(await register(soon, w.cia))).toBe('invalid_input');
      expect(
        code(await app.invoke('learning.cancelRegistration', { sessionId: open }, { actorId: w.anna })),
      ).toBe('ok');
    } finally {
      app.clock.set('2026-03-01T09:00:00.000Z');
    }
  });

  it('checks times and instructors when a session is created', async () => {
    const bad = await app.invoke(
      'events.createSession',
      {
        moduleId: w.firstAid,
        startsAt: '2026-04-01T16:00:00Z',
        endsAt: '2026-04-01T10:00:00Z',
        place: 'Hall',
        capacity: 5,
        instructorIds: [people.malmoPerson],
      },
      { actorId: w.manager },
    );
    expect(code(bad)).toBe('invalid_input');
    expect(!bad.ok && bad.error.details?.map((d) => d.path)).toEqual(['endsAt', 'instructorIds.0']);
    const noSuchDay = await app.invoke(
      'events.createSession',
      {
        moduleId: w.firstAid,
        startsAt: '2026-04-31T10:00Z',
        endsAt: '2026-05-01T12:00Z',
        place: 'Hall',
        capacity: 5,
      },
      { actorId: w.manager },
    );
    expect(!noSuchDay.ok && noSuchDay.error.details).toEqual([
      { path: 'startsAt', message: 'There is no such date and time' },
    ]);
    const other = addPerson(app, { email: 'x@example.com', unitId: w.u('syd'), roleId: 'manager' });
    const refused = await app.invoke(
      'events.createSession',
      {
        moduleId: w.firstAid,
        startsAt: '2026-04-01T10:00Z',
        endsAt: '2026-04-01T12:00Z',
        place: 'Hall',
        capacity: 5,
      },
      { actorId: other },
    );
    expect(code(refused)).toBe('forbidden');
  });

  it('lets a manager register many people, naming everyone out of scope and writing nothing then', async () => {
    const sessionId = await addSession(app, w.manager, {
      moduleId: w.firstAid,
      capacity: 1,
      day: '2026-06-01',
    });
    const out = await app.invoke(
      'events.register',
      { sessionId, personIds: [w.anna, people.malmoPerson, people.luleaPerson] },
      { actorId: w.manager },
    );
    expect(code(out)).toBe('forbidden');
    expect(!out.ok && out.error.message).toMatch(/Maja Malmö and Lars Luleå/);
    expect(!out.ok && out.error.details?.map((d) => d.path)).toEqual(['personIds.1', 'personIds.2']);
    expect((await roster(sessionId)).rows).toEqual([]);

    const done = unwrapOk(
      await app.invoke('events.register', { sessionId, personIds: [w.anna, w.bo] }, { actorId: w.manager }),
    );
    expect(done).toEqual({ registered: [w.anna], waitlisted: [w.bo], already: [] });
    const again = unwrapOk(
      await app.invoke('events.register', { sessionId, personIds: [w.bo] }, { actorId: w.manager }),
    );
    expect(again.already).toEqual([w.bo]);
    // Removing Anna moves Bo up.
    expect(
      code(await app.invoke('events.unregister', { sessionId, personId: w.anna }, { actorId: w.manager })),
    ).toBe('ok');
    expect(await statusOf(sessionId)).toEqual({ 'Bo Umeå': 'registered', 'Anna Umeå': 'cancelled' });
    // Bo's dashboard shows the session he is on; Lars, who cannot see the event, has none of its sessions.
    const dash = unwrapOk(await app.invoke('learning.dashboard', {}, { actorId: w.bo }));
    expect(dash.upcomingSessions.find((x) => x.id === sessionId)).toMatchObject({ myStatus: 'registered' });
    expect(dash.items.map((i) => i.moduleId)).toContain(w.firstAid);
    const lars = unwrapOk(await app.invoke('learning.dashboard', {}, { actorId: people.luleaPerson }));
    expect(lars.upcomingSessions).toEqual([]);
  });

  it('shows the roster to the event’s managers and the session’s instructors only', async () => {
    const sessionId = await addSession(app, w.manager, {
      moduleId: w.firstAid,
      instructorIds: [w.cia],
      day: '2026-06-02',
    });
    expect(code(await app.invoke('events.roster', { id: sessionId }, { actorId: w.anna }))).toBe('forbidden');
    const asInstructor = unwrapOk(await app.invoke('events.roster', { id: sessionId }, { actorId: w.cia }));
    expect(asInstructor).toMatchObject({ canMark: true, canManage: false });
    expect(asInstructor.session.instructors).toEqual([{ id: w.cia, name: 'Cia Umeå' }]);
    expect((await roster(sessionId)).canManage).toBe(true);
  });
});

describe('attendance', async () => {
  const w = await eventsWorld();
  const { app } = w;
  const records = async (personId: string) =>
    unwrapOk(await app.invoke('records.list', { personId }, { actorId: w.adminId })).rows;
  const mark = (
    sessionId: string,
    marks: { personId: string; attendance: 'attended' | 'absent'; outcome?: 'passed' | 'failed' }[],
  ) => app.invoke('events.markAttendance', { sessionId, marks }, { actorId: w.manager });

  it('completes the event for those who attended, once, and takes it back when the mark changes', async () => {
    const sessionId = await addSession(app, w.manager, { moduleId: w.firstAid, day: '2026-03-05' });
    unwrapOk(
      await app.invoke('events.register', { sessionId, personIds: [w.anna, w.bo] }, { actorId: w.manager }),
    );
    const early = await mark(sessionId, [{ personId: w.anna, attendance: 'attended' }]);
    expect(code(early)).toBe('invalid_input');
    expect(!early.ok && early.error.message).toMatch(/not started/);

    app.clock.set('2026-03-05T17:00:00.000Z');
    const marked = unwrapOk(
      await mark(sessionId, [
        { personId: w.anna, attendance: 'attended' },
        { personId: w.bo, attendance: 'absent' },
      ]),
    );
    expect(marked.rows.map((r) => [r.name, r.attendance])).toEqual([
      ['Anna Umeå', 'attended'],
      ['Bo Umeå', 'absent'],
    ]);
    const annas = await records(w.anna);
    expect(annas).toMatchObject([
      {
        recordType: 'event',
        title: 'First Aid',
        provider: 'Norrland Mining',
        completionDate: '2026-03-05',
        objectId: w.firstAid,
      },
    ]);
    expect(await records(w.bo)).toEqual([]);

    // Marking again changes nothing; a second record never appears.
    unwrapOk(await mark(sessionId, [{ personId: w.anna, attendance: 'attended' }]));
    expect(await records(w.anna)).toHaveLength(1);
    const results = unwrapOk(await app.invoke('results.list', { personId: w.anna }, { actorId: w.manager }));
    expect(results.rows).toMatchObject([
      { status: 'completed', source: 'attendance', recordId: annas[0]?.id },
    ]);

    // Attended → absent takes the result and the record back.
    unwrapOk(await mark(sessionId, [{ personId: w.anna, attendance: 'absent' }]));
    expect(await records(w.anna)).toEqual([]);
    expect(
      unwrapOk(await app.invoke('results.list', { personId: w.anna }, { actorId: w.manager })).total,
    ).toBe(0);
    const takenBack = app.db
      .prepare("SELECT summary FROM audit_log WHERE summary LIKE 'Took back%'")
      .pluck()
      .all();
    expect(takenBack).toEqual([
      'Took back Anna Umeå’s completed result for First Aid on 2026-03-05 and the training record it made',
    ]);
  });

  it('needs a pass or fail for graded events, and marks only people with a place', async () => {
    const graded = await eventModule(app, w.manager, {
      code: 'FA-G',
      title: 'First Aid Assessment',
      ownerUnitId: w.u('ume'),
      graded: true,
    });
    const sessionId = await addSession(app, w.manager, { moduleId: graded, capacity: 2, day: '2026-03-06' });
    unwrapOk(
      await app.invoke(
        'events.register',
        { sessionId, personIds: [w.anna, w.bo, w.cia] },
        { actorId: w.manager },
      ),
    );
    app.clock.set('2026-03-06T17:00:00.000Z');
    const missing = await mark(sessionId, [
      { personId: w.anna, attendance: 'attended' },
      { personId: w.cia, attendance: 'attended', outcome: 'passed' },
      { personId: w.people.luleaPerson, attendance: 'absent' },
    ]);
    expect(code(missing)).toBe('invalid_input');
    expect(!missing.ok && missing.error.details).toEqual([
      { path: 'marks.0.outcome', message: 'Say whether Anna Umeå passed or failed' },
      { path: 'marks.1.personId', message: 'Cia Umeå is on the waiting list, not registered' },
      { path: 'marks.2.personId', message: 'Lars Luleå is not on this session' },
    ]);
    expect(await records(w.anna)).toEqual([]);

    unwrapOk(
      await mark(sessionId, [
        { personId: w.anna, attendance: 'attended', outcome: 'passed' },
        { personId: w.bo, attendance: 'attended', outcome: 'failed' },
      ]),
    );
    expect((await records(w.anna)).map((r) => r.title)).toEqual(['First Aid Assessment']);
    expect(await records(w.bo)).toEqual([]);
    const bos = unwrapOk(
      await app.invoke('results.list', { personId: w.bo, moduleId: graded }, { actorId: w.manager }),
    );
    expect(bos.rows).toMatchObject([{ status: 'failed', recordId: null }]);
  });
});
