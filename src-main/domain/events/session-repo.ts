import type { ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog.js';
import type { Db } from '../../db/open.js';

/** What the events services need to know about an event module. */
export interface EventModuleRow {
  id: string;
  code: string;
  title: string;
  kind: ModuleKind;
  status: ModuleStatus;
  owner_unit_id: string;
  self_enrol: 0 | 1;
  current_version: number | null;
  /** The published content when there is a version, else the draft (JSON). */
  content: string;
}

export interface SessionDbRow {
  id: string;
  module_id: string;
  module_code: string;
  module_title: string;
  module_status: ModuleStatus;
  self_enrol: 0 | 1;
  starts_at: string;
  ends_at: string;
  place: string;
  capacity: number;
  notes: string | null;
  cancelled_at: string | null;
  registered: number;
  waitlisted: number;
  my_status: 'registered' | 'waitlisted' | null;
}

/** `@me` is the viewer, for their own place on each session. */
const SELECT = `SELECT s.id, s.module_id, m.code AS module_code, m.title AS module_title,
    m.status AS module_status, m.self_enrol, s.starts_at, s.ends_at, s.place, s.capacity, s.notes, s.cancelled_at,
    (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'registered') AS registered,
    (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waitlisted,
    (SELECT r.status FROM session_registration r
      WHERE r.session_id = s.id AND r.person_id = @me AND r.status <> 'cancelled') AS my_status
  FROM event_session s JOIN module m ON m.id = s.module_id`;

export interface SessionFields {
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  notes: string | null;
}

export function sessionRepo(db: Db) {
  return {
    module(id: string): EventModuleRow | undefined {
      return db
        .prepare<[string], EventModuleRow>(
          `SELECT m.id, m.code, m.title, m.kind, m.status, m.owner_unit_id, m.self_enrol, m.current_version,
             coalesce(v.content, m.draft) AS content
           FROM module m LEFT JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
           WHERE m.id = ?`,
        )
        .get(id);
    },
    byId(id: string, me: string): SessionDbRow | undefined {
      return db.prepare<Record<string, unknown>, SessionDbRow>(`${SELECT} WHERE s.id = @id`).get({ id, me });
    },
    ofModule(moduleId: string, me: string, endedBefore: string | null): SessionDbRow[] {
      return db
        .prepare<Record<string, unknown>, SessionDbRow>(
          `${SELECT} WHERE s.module_id = @moduleId AND (@now IS NULL OR s.ends_at > @now)
           ORDER BY s.starts_at, s.id`,
        )
        .all({ moduleId, me, now: endedBefore });
    },
    /**
     * A learner's sessions that have not ended: those they hold a place on, and
     * the open (not cancelled) ones of self-registrable events they are enrolled in.
     */
    forLearner(me: string, now: string): SessionDbRow[] {
      return db
        .prepare<Record<string, unknown>, SessionDbRow>(
          `${SELECT} WHERE s.ends_at > @now AND (
             EXISTS (SELECT 1 FROM session_registration r
                     WHERE r.session_id = s.id AND r.person_id = @me AND r.status <> 'cancelled')
             OR (s.cancelled_at IS NULL AND m.self_enrol = 1 AND m.status = 'published'
                 AND EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = @me AND e.module_id = m.id)))
           ORDER BY s.starts_at, s.id`,
        )
        .all({ me, now });
    },
    instructors(sessionIds: readonly string[]): Map<string, { id: string; name: string }[]> {
      const rows = db
        .prepare<[string], { session_id: string; id: string; name: string }>(
          `SELECT i.session_id, p.id, p.first_name || ' ' || p.last_name AS name
           FROM session_instructor i JOIN person p ON p.id = i.person_id
           WHERE i.session_id IN (SELECT value FROM json_each(?))
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE`,
        )
        .all(JSON.stringify(sessionIds));
      const out = new Map<string, { id: string; name: string }[]>();
      for (const r of rows) {
        const list = out.get(r.session_id) ?? [];
        list.push({ id: r.id, name: r.name });
        out.set(r.session_id, list);
      }
      return out;
    },
    isInstructor(sessionId: string, personId: string): boolean {
      return !!db
        .prepare('SELECT 1 FROM session_instructor WHERE session_id = ? AND person_id = ?')
        .get(sessionId, personId);
    },
    insert(s: SessionFields & { id: string; moduleId: string; now: string }): void {
      db.prepare(
        `INSERT INTO event_session (id, module_id, starts_at, ends_at, place, capacity, notes, created_at, updated_at)
         VALUES (@id, @moduleId, @startsAt, @endsAt, @place, @capacity, @notes, @now, @now)`,
      ).run(s);
    },
    update(id: string, s: SessionFields, now: string): void {
      db.prepare(
        `UPDATE event_session SET starts_at = @startsAt, ends_at = @endsAt, place = @place, capacity = @capacity,
           notes = @notes, updated_at = @now WHERE id = @id`,
      ).run({ ...s, id, now });
    },
    cancel(id: string, now: string): void {
      db.prepare('UPDATE event_session SET cancelled_at = @now, updated_at = @now WHERE id = @id').run({
        id,
        now,
      });
    },
    setInstructors(sessionId: string, personIds: readonly string[]): void {
      db.prepare('DELETE FROM session_instructor WHERE session_id = ?').run(sessionId);
      const add = db.prepare('INSERT INTO session_instructor (session_id, person_id) VALUES (?, ?)');
      for (const p of personIds) add.run(sessionId, p);
    },
  };
}
