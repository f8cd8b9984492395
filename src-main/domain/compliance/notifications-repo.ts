import type { Db } from '../../db/open.js';

export interface NotificationDbRow {
  id: string;
  kind: 'new_required' | 'due_soon' | 'overdue' | 'expiring' | 'expired';
  title: string;
  body: string;
  module_id: string | null;
  certificate_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** One person's own in-app notifications (rows are written by the configurations sync). */
export function notificationsRepo(db: Db) {
  return {
    list(personId: string, unreadOnly: boolean): NotificationDbRow[] {
      return db
        .prepare<{ personId: string; unreadOnly: number }, NotificationDbRow>(
          `SELECT id, kind, title, body, module_id, certificate_id, created_at, read_at FROM notification
           WHERE person_id = @personId AND (@unreadOnly = 0 OR read_at IS NULL)
           ORDER BY created_at DESC, id DESC LIMIT 200`,
        )
        .all({ personId, unreadOnly: unreadOnly ? 1 : 0 });
    },
    unread(personId: string): number {
      return (
        db
          .prepare<[string], number>(
            'SELECT count(*) FROM notification WHERE person_id = ? AND read_at IS NULL',
          )
          .pluck()
          .get(personId) ?? 0
      );
    },
    /** Marks those of the ids that are the person's own and unread; returns the ids changed. */
    markRead(personId: string, ids: readonly string[], now: string): string[] {
      return db
        .prepare<{ personId: string; ids: string; now: string }, string>(
          `UPDATE notification SET read_at = @now
           WHERE person_id = @personId AND read_at IS NULL AND id IN (SELECT value FROM json_each(@ids))
           RETURNING id`,
        )
        .pluck()
        .all({ personId, ids: JSON.stringify(ids), now });
    },
  };
}
