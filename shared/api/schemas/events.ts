import { z } from '../../zod.js';
import { Id } from '../common.js';
import { SessionRow } from './learning.js';

/** Classroom events: sessions with a capacity, registrations with a waiting list, attendance. */

const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, 'Enter a date and time');
const Place = z.string().trim().min(1, 'Enter where it takes place').max(200, 'Use at most 200 characters');
const Capacity = z.number().int('Enter a whole number').min(1, 'Allow at least 1 place').max(10000);

export const SessionsQuery = z.object({ moduleId: Id, includePast: z.boolean().default(false) }).strict();
export const SessionList = z.object({ rows: z.array(SessionRow) });

export const SessionCreate = z
  .object({
    moduleId: Id,
    startsAt: Timestamp,
    endsAt: Timestamp,
    place: Place,
    capacity: Capacity,
    notes: z.string().trim().max(2000).nullable().optional(),
    instructorIds: z.array(Id).max(20).default([]),
  })
  .strict();

/** Only the fields sent change. Lowering the capacity never removes anyone already registered. */
export const SessionUpdate = z
  .object({
    id: Id,
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    place: Place.optional(),
    capacity: Capacity.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
    instructorIds: z.array(Id).max(20).optional(),
  })
  .strict();
export const SessionRef = z.object({ id: Id }).strict();

export const RegistrationStatus = z.enum(['registered', 'waitlisted', 'cancelled']);
export const Attendance = z.enum(['attended', 'absent']);
export const Outcome = z.enum(['passed', 'failed']);

export const RosterRow = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  unitName: z.string(),
  status: RegistrationStatus,
  registeredAt: z.string(),
  attendance: Attendance.nullable(),
  outcome: Outcome.nullable(),
  markedAt: z.string().nullable(),
});
export type RosterRow = z.infer<typeof RosterRow>;
export const Roster = z.object({
  session: SessionRow,
  graded: z.boolean(),
  rows: z.array(RosterRow),
  /** The viewer may mark attendance (events.manage over the event, or an instructor of the session). */
  canMark: z.boolean(),
  /** The viewer may register and remove people. */
  canManage: z.boolean(),
});
export type Roster = z.infer<typeof Roster>;

export const RegisterPeople = z.object({ sessionId: Id, personIds: z.array(Id).min(1).max(1000) }).strict();
export const RegisterOutcome = z.object({
  registered: z.array(z.string()),
  waitlisted: z.array(z.string()),
  /** Already on the session (unchanged). */
  already: z.array(z.string()),
});
export const Unregister = z.object({ sessionId: Id, personId: Id }).strict();

export const MarkAttendance = z
  .object({
    sessionId: Id,
    marks: z
      .array(
        z.object({ personId: Id, attendance: Attendance, outcome: Outcome.nullable().optional() }).strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
