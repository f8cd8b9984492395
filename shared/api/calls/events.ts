import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import {
  MarkAttendance,
  RegisterOutcome,
  RegisterPeople,
  Roster,
  SessionCreate,
  SessionList,
  SessionRef,
  SessionsQuery,
  SessionUpdate,
  Unregister,
} from '../schemas/events.js';
import { SessionRow } from '../schemas/learning.js';

// Sessions belong to an event module: events.manage is checked against the
// module's owner unit, and each person registered against that person, in the service.
export const eventsCalls = {
  'events.sessions': {
    input: SessionsQuery,
    output: SessionList,
    access: 'catalog.view',
    write: false,
    summary: 'Sessions of an event, with places taken and waiting',
  },
  'events.createSession': {
    input: SessionCreate,
    output: SessionRow,
    access: 'events.manage',
    write: true,
    summary: 'Add a session to an event (date and time, place, capacity, instructors)',
  },
  'events.updateSession': {
    input: SessionUpdate,
    output: SessionRow,
    access: 'events.manage',
    write: true,
    summary: 'Change a session; more places move people up from the waiting list',
  },
  'events.cancelSession': {
    input: SessionRef,
    output: SessionRow,
    access: 'events.manage',
    write: true,
    summary: 'Cancel a session (registrations stay in its history)',
  },
  'events.roster': {
    input: SessionRef,
    output: Roster,
    access: 'learning.take',
    write: false,
    summary: 'Who is registered, waiting and marked on a session (managers and its instructors)',
  },
  'events.register': {
    input: RegisterPeople,
    output: RegisterOutcome,
    access: 'events.manage',
    write: true,
    summary: 'Register people on a session; beyond capacity they go on the waiting list',
  },
  'events.unregister': {
    input: Unregister,
    output: Empty,
    access: 'events.manage',
    write: true,
    summary: 'Remove someone from a session; the first person waiting moves up',
  },
  'events.markAttendance': {
    input: MarkAttendance,
    output: Roster,
    access: 'learning.take',
    write: true,
    summary: 'Mark attendance (and pass/fail) for a session in one go; attended = completed',
  },
} as const satisfies Record<string, CallSpec>;
