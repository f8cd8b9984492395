import type { Db } from '../../db/open.js';
import { complianceCte, registerComplianceFunctions, type EngineScope } from '../compliance/engine-sql.js';
import { SQL_UUID } from './fulfilment-repo.js';

/** A person's due date for an item, from their fulfilment (SQL over `i` and `f`). */
export const DUE_SQL = `CASE i.due_kind WHEN 'fixed' THEN i.due_date
  WHEN 'after_joining' THEN date(f.assigned_on, '+' || i.due_days || ' days') END`;

/**
 * "Required for person f.person_id via (any) configuration on the day before
 * @today": what makes a Required item news or not. Someone moving between two
 * units that both require the module, or an item whose validity changed, is not
 * told again.
 */
const REQUIRED_YESTERDAY = `EXISTS (
    SELECT 1 FROM configuration_item j
    JOIN fulfilment f2 ON f2.configuration_id = j.configuration_id AND f2.person_id = f.person_id
    WHERE j.module_id = i.module_id AND j.requirement = 'required'
      AND j.valid_from < @today AND (j.valid_to IS NULL OR j.valid_to >= @today)
      AND f2.assigned_on < @today AND (f2.removed_on IS NULL OR f2.removed_on >= @today))`;

const DUE_QUEUED_KEY = 'notifications.dueQueuedOn';

interface Inserted {
  id: string;
  person_id: string;
  title: string;
  body: string;
}

/** Notifications and their outbox rows, inserted set-based and idempotently (dedupe_key). */
export function notificationRepo(db: Db) {
  /** Queues an email for each notification just inserted, to the person's address. */
  function queueEmails(rows: readonly Inserted[], now: string): void {
    if (!rows.length) return;
    db.prepare(
      `INSERT INTO outbox (id, notification_id, to_email, subject, body, created_at)
       SELECT ${SQL_UUID}, n.id, p.email, n.title, n.body, @now
       FROM notification n JOIN person p ON p.id = n.person_id
       WHERE n.id IN (SELECT value FROM json_each(@ids))`,
    ).run({ now, ids: JSON.stringify(rows.map((r) => r.id)) });
  }

  return {
    /** The last day syncAll queued due notifications for everyone. */
    dueQueuedOn(): string | null {
      return (
        db.prepare<[string], string>('SELECT value FROM setting WHERE key = ?').pluck().get(DUE_QUEUED_KEY) ??
        null
      );
    },

    setDueQueuedOn(day: string): void {
      db.prepare(
        'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(DUE_QUEUED_KEY, day);
    },

    /** One reminder, sent by a manager; the kind follows the requirement's status. */
    reminder(r: {
      id: string;
      personId: string;
      moduleId: string;
      kind: 'due_soon' | 'overdue' | 'expiring' | 'expired';
      title: string;
      body: string;
      now: string;
    }): void {
      db.prepare(
        `INSERT INTO notification (id, person_id, kind, module_id, title, body, dedupe_key, created_at)
         VALUES (@id, @personId, @kind, @moduleId, @title, @body, 'reminder:' || @id, @now)`,
      ).run(r);
      queueEmails([{ id: r.id, person_id: r.personId, title: r.title, body: r.body }], r.now);
    },

    /**
     * "New required training" for every person who, today, gained a Required
     * module: a new fulfilment of a configuration with Required items, or an item
     * that became Required (added, or switched from Optional or Hidden) today.
     * Only open fulfilments of live configurations count, so Hidden and Optional
     * items never notify. Returns how many were created.
     */
    newRequired(today: string, now: string, filter: { configurationId?: string; personId?: string }): number {
      const conds = [
        'f.removed_on IS NULL',
        '(f.assigned_on = @today OR i.valid_from = @today)',
        `NOT ${REQUIRED_YESTERDAY}`,
        // Two configurations adding the same module on the same day make one notification.
        `NOT EXISTS (SELECT 1 FROM notification n WHERE n.person_id = f.person_id AND n.kind = 'new_required'
                      AND n.module_id = i.module_id AND substr(n.created_at, 1, 10) = @today)`,
      ];
      if (filter.configurationId) conds.push('f.configuration_id = @config');
      if (filter.personId) conds.push('f.person_id = @person');
      const rows = db
        .prepare<Record<string, unknown>, Inserted>(
          `INSERT OR IGNORE INTO notification
             (id, person_id, kind, module_id, configuration_id, title, body, dedupe_key, created_at)
           SELECT ${SQL_UUID}, f.person_id, 'new_required', i.module_id, c.id,
             'New required training: ' || m.title,
             'You have been assigned ' || m.title || ' (' || c.name || ').' ||
               coalesce(' Complete it by ' || (${DUE_SQL}) || '.', ''),
             'new_required:' || c.id || ':' || i.module_id || ':' || f.person_id || ':' || i.valid_from,
             @now
           FROM fulfilment f
           JOIN training_configuration c ON c.id = f.configuration_id AND c.archived_at IS NULL
           JOIN configuration_item i ON i.configuration_id = c.id AND i.valid_to IS NULL
                                    AND i.requirement = 'required'
           JOIN module m ON m.id = i.module_id
           WHERE ${conds.join(' AND ')}
           -- One per person and module even when two configurations add it in the same run.
           GROUP BY f.person_id, i.module_id
           RETURNING id, person_id, title, body`,
        )
        .all({
          today,
          now,
          config: filter.configurationId ?? null,
          person: filter.personId ?? null,
        });
      queueEmails(rows, now);
      return rows.length;
    },

    /**
     * Due soon (due within `soonDays`, from today) and overdue (due date passed)
     * for Required modules the person has never completed: one notification per
     * person, module, kind and due date. Returns how many were created.
     */
    due(today: string, now: string, soonDays: number, personId?: string): number {
      const rows = db
        .prepare<Record<string, unknown>, Inserted>(
          `WITH due AS (
             SELECT f.person_id, i.module_id, min(${DUE_SQL}) AS due_date
             FROM fulfilment f
             JOIN training_configuration c ON c.id = f.configuration_id AND c.archived_at IS NULL
             JOIN configuration_item i ON i.configuration_id = c.id AND i.valid_to IS NULL
                                      AND i.requirement = 'required' AND i.due_kind IS NOT NULL
             WHERE f.removed_on IS NULL ${personId ? 'AND f.person_id = @person' : ''}
             GROUP BY f.person_id, i.module_id
           ),
           pending AS (
             SELECT d.*, CASE WHEN d.due_date < @today THEN 'overdue' ELSE 'due_soon' END AS kind
             FROM due d
             WHERE d.due_date <= date(@today, '+' || @soonDays || ' days')
               AND NOT EXISTS (SELECT 1 FROM training_record r
                               WHERE r.person_id = d.person_id AND r.object_id = d.module_id
                                 AND r.completion_date <= @today)
           )
           INSERT OR IGNORE INTO notification
             (id, person_id, kind, module_id, configuration_id, title, body, dedupe_key, created_at)
           SELECT ${SQL_UUID}, x.person_id, x.kind, x.module_id, NULL,
             CASE x.kind WHEN 'overdue' THEN 'Overdue training: ' ELSE 'Training due soon: ' END || m.title,
             CASE x.kind WHEN 'overdue' THEN m.title || ' was due on ' || x.due_date || '.'
                         ELSE m.title || ' is due on ' || x.due_date || '.' END,
             x.kind || ':' || x.person_id || ':' || x.module_id || ':' || x.due_date,
             @now
           FROM pending x JOIN module m ON m.id = x.module_id
           WHERE true
           RETURNING id, person_id, title, body`,
        )
        .all({ today, now, soonDays, person: personId ?? null });
      queueEmails(rows, now);
      return rows.length;
    },

    /** The top units: their subtrees hold everyone (the engine's scope for "all people"). */
    rootUnitIds(): string[] {
      return db.prepare<[], string>('SELECT id FROM unit WHERE parent_id IS NULL').pluck().all();
    },

    /**
     * Expiring and expired notifications for Required modules, from the compliance
     * engine's own statuses on `scope.asOf` (so they always agree with the person
     * page and the matrix): one per person, module, kind and expiry date. A new
     * completion moves the expiry date, so it is told again only when that one in
     * turn nears or passes its expiry. Returns how many were created.
     */
    expiry(scope: EngineScope, now: string): number {
      registerComplianceFunctions(db);
      const cte = complianceCte({ ...scope, requiredOnly: true });
      const rows = db
        .prepare<Record<string, unknown>, Inserted>(
          `${cte.sql}
           INSERT OR IGNORE INTO notification
             (id, person_id, kind, module_id, configuration_id, title, body, dedupe_key, created_at)
           SELECT ${SQL_UUID}, c.person_id, c.status, c.module_id, NULL,
             CASE c.status WHEN 'expired' THEN 'Training expired: ' ELSE 'Training expiring soon: ' END || m.title,
             CASE c.status WHEN 'expired' THEN m.title || ' expired on ' || c.expiry_date || '. Renew it now.'
                           ELSE m.title || ' expires on ' || c.expiry_date || '. Renew it before then.' END,
             c.status || ':' || c.person_id || ':' || c.module_id || ':' || c.expiry_date,
             @now
           FROM cell c JOIN module m ON m.id = c.module_id
           WHERE c.status IN ('expiring', 'expired') AND c.expiry_date IS NOT NULL
           RETURNING id, person_id, title, body`,
        )
        .all({ ...cte.params, now });
      queueEmails(rows, now);
      return rows.length;
    },
  };
}
