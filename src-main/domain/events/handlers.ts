import type { eventsCalls } from '../../../shared/api/calls/events.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { getRoster, markAttendance } from './attendance-service.js';
import { registerPeople, unregisterPerson } from './registration-service.js';
import { cancelSession, createSession, listSessions, updateSession } from './session-service.js';

export const eventsHandlers = (): HandlersFor<keyof typeof eventsCalls> => ({
  'events.sessions': listSessions,
  'events.createSession': createSession,
  'events.updateSession': updateSession,
  'events.cancelSession': cancelSession,
  'events.roster': getRoster,
  'events.register': registerPeople,
  'events.unregister': unregisterPerson,
  'events.markAttendance': markAttendance,
});
