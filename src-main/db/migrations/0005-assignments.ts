import type { Database } from 'better-sqlite3';

/**
 * Training configurations (`002_*`): who must do what, by when. A configuration
 * targets a person, a group or a unit subtree and lists modules as Required,
 * Optional or Hidden. Compliance is answerable "as of" any past date, so both
 * sides keep history instead of being overwritten:
 * - `configuration_item` rows are never updated in place: a change closes the
 *   row (`valid_to`) and opens a new one (`valid_from`);
 * - `fulfilment` rows (`001_*`'s individual fulfilment) record when each person
 *   became covered by a configuration and when they stopped (moved, left the
 *   group, left the organisation, configuration archived). Membership is
 *   dynamic: a sync keeps these rows in step with units, groups and statuses.
 * Notifications are in-app rows; `outbox` queues their email for a later issue.
 */
export default function assignments(db: Database): void {
  db.exec(`
    CREATE TABLE training_configuration (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      description   TEXT,
      target_type   TEXT NOT NULL CHECK (target_type IN ('person','group','unit')),
      -- A person, group_ or unit id, per target_type.
      target_id     TEXT NOT NULL,
      -- Whose managers may change it: the unit (unit target), the group's owner unit, the person's unit.
      owner_unit_id TEXT NOT NULL REFERENCES unit(id),
      archived_at   TEXT,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      created_by    TEXT REFERENCES person(id)
    ) STRICT;
    CREATE INDEX training_configuration_target ON training_configuration(target_type, target_id);
    CREATE INDEX training_configuration_owner ON training_configuration(owner_unit_id);

    CREATE TABLE configuration_item (
      id               TEXT PRIMARY KEY,
      configuration_id TEXT NOT NULL REFERENCES training_configuration(id) ON DELETE CASCADE,
      module_id        TEXT NOT NULL REFERENCES module(id),
      requirement      TEXT NOT NULL CHECK (requirement IN ('required','optional','hidden')),
      -- Blank = the module's default validity.
      validity_months  INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
      due_kind         TEXT CHECK (due_kind IS NULL OR due_kind IN ('fixed','after_joining')),
      due_date         TEXT,
      due_days         INTEGER CHECK (due_days IS NULL OR due_days >= 0),
      -- The dates this version of the item applied (valid_to exclusive; NULL = still does).
      valid_from       TEXT NOT NULL,
      valid_to         TEXT,
      CHECK (valid_to IS NULL OR valid_to >= valid_from),
      CHECK ((due_kind IS NULL AND due_date IS NULL AND due_days IS NULL)
          OR (due_kind = 'fixed' AND due_date IS NOT NULL AND due_days IS NULL)
          OR (due_kind = 'after_joining' AND due_days IS NOT NULL AND due_date IS NULL))
    ) STRICT;
    CREATE INDEX configuration_item_config ON configuration_item(configuration_id, module_id, valid_from);
    CREATE INDEX configuration_item_module ON configuration_item(module_id);
    -- At most one current version of a module per configuration.
    CREATE UNIQUE INDEX configuration_item_current
      ON configuration_item(configuration_id, module_id) WHERE valid_to IS NULL;

    CREATE TABLE fulfilment (
      id               TEXT PRIMARY KEY,
      configuration_id TEXT NOT NULL REFERENCES training_configuration(id) ON DELETE CASCADE,
      person_id        TEXT NOT NULL REFERENCES person(id),
      -- The day the person became covered (the "joins the target" of due rules).
      assigned_on      TEXT NOT NULL,
      -- The day they stopped being covered (exclusive); NULL = still covered.
      removed_on       TEXT,
      CHECK (removed_on IS NULL OR removed_on >= assigned_on)
    ) STRICT;
    CREATE INDEX fulfilment_person ON fulfilment(person_id, assigned_on);
    CREATE INDEX fulfilment_config ON fulfilment(configuration_id, person_id);
    CREATE UNIQUE INDEX fulfilment_current ON fulfilment(configuration_id, person_id) WHERE removed_on IS NULL;

    CREATE TABLE notification (
      id               TEXT PRIMARY KEY,
      person_id        TEXT NOT NULL REFERENCES person(id),
      kind             TEXT NOT NULL CHECK (kind IN ('new_required','due_soon','overdue','expiring','expired')),
      module_id        TEXT REFERENCES module(id),
      configuration_id TEXT REFERENCES training_configuration(id) ON DELETE SET NULL,
      title            TEXT NOT NULL,
      body             TEXT NOT NULL,
      -- Makes repeated runs idempotent: one notification per person, kind and occasion.
      dedupe_key       TEXT NOT NULL UNIQUE,
      created_at       TEXT NOT NULL,
      read_at          TEXT
    ) STRICT;
    CREATE INDEX notification_person ON notification(person_id, created_at);

    CREATE TABLE outbox (
      id              TEXT PRIMARY KEY,
      notification_id TEXT REFERENCES notification(id) ON DELETE SET NULL,
      to_email        TEXT NOT NULL,
      subject         TEXT NOT NULL,
      body            TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      sent_at         TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      last_error      TEXT
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox(sent_at, created_at);

    -- When a person left the organisation, so "required on D" stops at the right day.
    ALTER TABLE person ADD COLUMN left_on TEXT;
  `);
}
