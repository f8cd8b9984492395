import type { eventsCalls } from '../../../shared/api/calls/events.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const eventsHandlers = (): HandlersFor<keyof typeof eventsCalls> => ({
  'events.sessions': notYet,
  'events.createSession': notYet,
  'events.updateSession': notYet,
  'events.cancelSession': notYet,
  'events.roster': notYet,
  'events.register': notYet,
  'events.unregister': notYet,
  'events.markAttendance': notYet,
});
