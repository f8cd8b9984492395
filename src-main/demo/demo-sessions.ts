import type { DemoApi } from './demo-api.js';
import type { DemoSiteRoster } from './demo-roster.js';

/** Schedules something on the demo's timeline (run in date order, with the clock set to `at`). */
export type Later = (at: string, run: () => Promise<void>) => void;

export interface FirstAidPeople {
  firstAid: string;
  admin: string;
  instructors: { umea: string; leeds: string };
  umea: DemoSiteRoster;
  leeds: DemoSiteRoster;
  /** Ylva attended the past session; Åsa registers herself on the next one. */
  ylva: string;
  asa: string;
}

/**
 * First Aid at Work, a graded event: a session in Umeå held 75 days ago and
 * marked by its instructor (passes, a fail, an absence), and two coming up:
 * Umeå with places left (Åsa registers herself) and Leeds, full with a waiting list.
 */
export function planFirstAid(api: DemoApi, later: Later, p: FirstAidPeople): void {
  const staff = (s: DemoSiteRoster) =>
    s.staff.filter((x) => x.id !== s.managerId && x.id !== p.ylva && x.id !== p.asa).map((x) => x.id);
  const umeaStaff = staff(p.umea);

  later(api.at(120), async () => {
    const held = await api.call(
      'events.createSession',
      {
        moduleId: p.firstAid,
        startsAt: api.at(75, 7),
        endsAt: api.at(75, 15),
        place: 'Umeå plant, training room 2',
        capacity: 10,
        instructorIds: [p.instructors.umea],
      },
      p.admin,
    );
    const people = [p.ylva, ...umeaStaff.slice(0, 8)];
    api.setTime(api.at(100));
    await api.call('events.register', { sessionId: held.id, personIds: people }, p.admin);
    // The instructor marks the day when it ends.
    api.setTime(api.at(75, 15, 30));
    await api.call(
      'events.markAttendance',
      {
        sessionId: held.id,
        marks: people.map((personId, i) =>
          i === 8
            ? { personId, attendance: 'absent' as const }
            : { personId, attendance: 'attended' as const, outcome: i === 5 ? 'failed' : 'passed' },
        ),
      },
      p.instructors.umea,
    );
  });

  later(api.at(20), async () => {
    const umea = await api.call(
      'events.createSession',
      {
        moduleId: p.firstAid,
        startsAt: api.at(-14, 7),
        endsAt: api.at(-14, 15),
        place: 'Umeå plant, training room 2',
        capacity: 8,
        instructorIds: [p.instructors.umea],
      },
      p.admin,
    );
    const leeds = await api.call(
      'events.createSession',
      {
        moduleId: p.firstAid,
        startsAt: api.at(-30, 8),
        endsAt: api.at(-30, 16),
        place: 'Leeds depot, canteen',
        capacity: 12,
        notes: 'Bring comfortable clothes for the practical part.',
        instructorIds: [p.instructors.leeds],
      },
      p.admin,
    );
    api.setTime(api.at(8));
    await api.call('events.register', { sessionId: umea.id, personIds: umeaStaff.slice(9, 14) }, p.admin);
    // More names than places: the last two wait for a cancellation.
    await api.call(
      'events.register',
      { sessionId: leeds.id, personIds: staff(p.leeds).slice(0, 14) },
      p.admin,
    );
    api.setTime(api.at(3, 12));
    await api.call('learning.enrol', { moduleId: p.firstAid }, p.asa);
    await api.call('learning.register', { sessionId: umea.id }, p.asa);
  });
}
