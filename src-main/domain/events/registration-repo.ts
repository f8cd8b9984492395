import type { Db } from '../../db/open.js';

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

export interface RegistrationDbRow {
  session_id: string;
  person_id: string;
  name: string;
  email: string;
  unit_name: string;
  status: RegistrationStatus;
  registered_at: string;
  attendance: 'attended' | 'absent' | null;
  outcome: 'passed' | 'failed' | null;
  marked_at: string | null;
}

const SELECT = `SELECT r.session_id, r.person_id, p.first_name || ' ' || p.last_name AS name, p.email,
    u.name AS unit_name, r.status, r.registered_at, r.attendance, r.outcome, r.marked_at
  FROM session_registration r JOIN person p ON p.id = r.person_id JOIN unit u ON u.id = p.unit_id`;

/** A person as the checks on who may be registered or given a result need them. */
export interface PersonBrief {
  id: string;
  name: string;
  status: 'active' | 'left';
}

export function registrationRepo(db: Db) {
  return {
    person(id: string): PersonBrief | undefined {
      return db
        .prepare<[string], PersonBrief>(
          "SELECT id, first_name || ' ' || last_name AS name, status FROM person WHERE id = ?",
        )
        .get(id);
    },
    get(sessionId: string, personId: string): RegistrationDbRow | undefined {
      return db
        .prepare<[string, string], RegistrationDbRow>(`${SELECT} WHERE r.session_id = ? AND r.person_id = ?`)
        .get(sessionId, personId);
    },
    /** Registered first, then the waiting list in its order, then cancelled ones (history). */
    roster(sessionId: string): RegistrationDbRow[] {
      return db
        .prepare<[string], RegistrationDbRow>(
          `${SELECT} WHERE r.session_id = ?
           ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
             r.registered_at, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE`,
        )
        .all(sessionId);
    },
    countRegistered(sessionId: string): number {
      return (
        db
          .prepare<[string], { n: number }>(
            "SELECT count(*) AS n FROM session_registration WHERE session_id = ? AND status = 'registered'",
          )
          .get(sessionId)?.n ?? 0
      );
    },
    /** The head of the waiting list. */
    firstWaiting(sessionId: string): RegistrationDbRow | undefined {
      return db
        .prepare<[string], RegistrationDbRow>(
          `${SELECT} WHERE r.session_id = ? AND r.status = 'waitlisted' ORDER BY r.registered_at LIMIT 1`,
        )
        .get(sessionId);
    },
    latestRegisteredAt(sessionId: string): string | null {
      return (
        db
          .prepare<[string], { t: string | null }>(
            'SELECT max(registered_at) AS t FROM session_registration WHERE session_id = ?',
          )
          .get(sessionId)?.t ?? null
      );
    },
    /** A new place, or a cancelled one taken again (it joins the back of the queue). */
    upsert(r: {
      sessionId: string;
      personId: string;
      status: 'registered' | 'waitlisted';
      at: string;
      by: string;
    }): void {
      db.prepare(
        `INSERT INTO session_registration (session_id, person_id, status, registered_at, registered_by)
         VALUES (@sessionId, @personId, @status, @at, @by)
         ON CONFLICT (session_id, person_id) DO UPDATE SET status = excluded.status,
           registered_at = excluded.registered_at, registered_by = excluded.registered_by,
           attendance = NULL, outcome = NULL, marked_at = NULL, marked_by = NULL`,
      ).run(r);
    },
    setStatus(sessionId: string, personId: string, status: RegistrationStatus): void {
      db.prepare('UPDATE session_registration SET status = ? WHERE session_id = ? AND person_id = ?').run(
        status,
        sessionId,
        personId,
      );
    },
    mark(m: {
      sessionId: string;
      personId: string;
      attendance: 'attended' | 'absent';
      outcome: 'passed' | 'failed' | null;
      at: string;
      by: string;
    }): void {
      db.prepare(
        `UPDATE session_registration SET attendance = @attendance, outcome = @outcome, marked_at = @at,
           marked_by = @by WHERE session_id = @sessionId AND person_id = @personId`,
      ).run(m);
    },
    hasEnrolment(personId: string, moduleId: string): boolean {
      return !!db
        .prepare('SELECT 1 FROM enrolment WHERE person_id = ? AND module_id = ?')
        .get(personId, moduleId);
    },
    enrol(e: {
      personId: string;
      moduleId: string;
      origin: 'self' | 'manager';
      at: string;
      by: string;
    }): void {
      db.prepare(
        `INSERT INTO enrolment (person_id, module_id, origin, enrolled_at, enrolled_by)
         VALUES (@personId, @moduleId, @origin, @at, @by) ON CONFLICT DO NOTHING`,
      ).run(e);
    },
    /** The result attendance produced for this person on this session, if any (and the record it made). */
    attendanceResult(
      sessionId: string,
      personId: string,
    ):
      | {
          id: string;
          status: 'completed' | 'passed' | 'failed';
          record_id: string | null;
          created_at: string;
        }
      | undefined {
      return db
        .prepare<
          [string, string],
          {
            id: string;
            status: 'completed' | 'passed' | 'failed';
            record_id: string | null;
            created_at: string;
          }
        >(
          `SELECT r.id, r.status, r.created_at, (SELECT t.id FROM training_record t WHERE t.result_id = r.id LIMIT 1) AS record_id
           FROM result r WHERE r.session_id = ? AND r.person_id = ? AND r.source = 'attendance'
           ORDER BY r.created_at DESC LIMIT 1`,
        )
        .get(sessionId, personId);
    },
    /** A mark taken back: the result and the record it made go (the audit log keeps them). */
    deleteResult(resultId: string): void {
      db.prepare('DELETE FROM training_record WHERE result_id = ?').run(resultId);
      db.prepare('DELETE FROM result WHERE id = ?').run(resultId);
    },
    /** Whether the person has a completion or pass of the module other than this result. */
    hasOtherCompletion(personId: string, moduleId: string, exceptResultId: string): boolean {
      return !!db
        .prepare(
          `SELECT 1 FROM result WHERE person_id = ? AND module_id = ? AND id <> ?
             AND status IN ('completed','passed') LIMIT 1`,
        )
        .get(personId, moduleId, exceptResultId);
    },
    /** The person's completion of the module recorded at or after `since` (a cascade from a result then). */
    completionSince(personId: string, moduleId: string, since: string): { id: string } | undefined {
      return db
        .prepare<[string, string, string], { id: string }>(
          `SELECT id FROM result WHERE person_id = ? AND module_id = ? AND created_at >= ?
             AND status IN ('completed','passed') LIMIT 1`,
        )
        .get(personId, moduleId, since);
    },
  };
}
