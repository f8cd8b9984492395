import type { Database } from 'better-sqlite3';

/**
 * Certificates (`002_*` certificates of completion per training configuration,
 * `000_*` certificate expiration), signed so any copy of Fieldbook can verify
 * them offline:
 * - `signing_key`: this installation's Ed25519 key pair (own = 1, generated on
 *   first use, private key PKCS#8 DER base64) and the public keys of other sites
 *   it trusts (own = 0, no private key). `id` is the first 16 hex characters of
 *   SHA-256 over the raw 32-byte public key; the QR payload names it.
 * - `certificate_template`: the look of a certificate (title, body with
 *   placeholders, page, images, colours); one may be the organisation default.
 * - `training_configuration.certificate_enabled` / `module.certificate_enabled`:
 *   certificates of completion per configuration, or per module on completion.
 * - `certificate`: one issued certificate with its signed payload; it never
 *   changes except its status. `certificate_event` keeps every status change with
 *   the day it took effect, so the status as of any date is derivable.
 */
export default function certificates(db: Database): void {
  db.exec(`
    CREATE TABLE signing_key (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      public_key  TEXT NOT NULL UNIQUE,
      private_key TEXT,
      own         INTEGER NOT NULL CHECK (own IN (0, 1)),
      created_at  TEXT NOT NULL,
      created_by  TEXT REFERENCES person(id),
      removed_at  TEXT,
      CHECK (own = 0 OR private_key IS NOT NULL)
    ) STRICT;
    CREATE UNIQUE INDEX signing_key_own ON signing_key(own) WHERE own = 1;

    CREATE TABLE certificate_template (
      id                TEXT PRIMARY KEY,
      name              TEXT NOT NULL,
      title             TEXT NOT NULL,
      -- Text with {placeholders}: person, what, completed, issued, expires, number, unit, qualification.
      body              TEXT NOT NULL,
      page_size         TEXT NOT NULL DEFAULT 'A4' CHECK (page_size IN ('A4', 'Letter')),
      orientation       TEXT NOT NULL DEFAULT 'landscape' CHECK (orientation IN ('landscape', 'portrait')),
      logo_file_id      TEXT REFERENCES stored_file(id),
      signature_file_id TEXT REFERENCES stored_file(id),
      signatory_name    TEXT,
      signatory_title   TEXT,
      primary_colour    TEXT NOT NULL DEFAULT '#1f3a68',
      accent_colour     TEXT NOT NULL DEFAULT '#c9a227',
      is_default        INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      created_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX certificate_template_default ON certificate_template(is_default) WHERE is_default = 1;

    ALTER TABLE training_configuration ADD COLUMN certificate_enabled INTEGER NOT NULL DEFAULT 0
      CHECK (certificate_enabled IN (0, 1));
    ALTER TABLE training_configuration ADD COLUMN certificate_template_id TEXT
      REFERENCES certificate_template(id);
    ALTER TABLE module ADD COLUMN certificate_enabled INTEGER NOT NULL DEFAULT 0
      CHECK (certificate_enabled IN (0, 1));
    ALTER TABLE module ADD COLUMN certificate_template_id TEXT REFERENCES certificate_template(id);

    CREATE TABLE certificate (
      id               TEXT PRIMARY KEY,
      -- Printed and typed: <organisation code>-<year>-<6-digit sequence>.
      number           TEXT NOT NULL UNIQUE COLLATE NOCASE,
      person_id        TEXT NOT NULL REFERENCES person(id),
      kind             TEXT NOT NULL CHECK (kind IN ('configuration', 'module', 'manual')),
      configuration_id TEXT REFERENCES training_configuration(id),
      module_id        TEXT REFERENCES module(id),
      -- The completion a module certificate is for (the certificate outlives a deleted record).
      record_id        TEXT REFERENCES training_record(id) ON DELETE SET NULL,
      -- What it certifies, as printed (configuration name or module title).
      title            TEXT NOT NULL,
      completed_on     TEXT,
      issued_on        TEXT NOT NULL,
      expires_on       TEXT,
      status           TEXT NOT NULL CHECK (status IN ('valid', 'invalid', 'revoked', 'superseded')),
      status_reason    TEXT,
      superseded_by    TEXT REFERENCES certificate(id),
      -- The signed payload (canonical JSON) and its Ed25519 signature (base64url).
      payload          TEXT NOT NULL,
      signature        TEXT NOT NULL,
      key_id           TEXT NOT NULL REFERENCES signing_key(id),
      template_id      TEXT REFERENCES certificate_template(id),
      -- NULL = issued automatically.
      issued_by        TEXT REFERENCES person(id),
      created_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX certificate_person ON certificate(person_id, status);
    CREATE INDEX certificate_configuration ON certificate(configuration_id, person_id, status);
    CREATE INDEX certificate_module ON certificate(module_id, person_id, status);

    -- Every status a certificate has had, from the day it took effect (issue, invalidation, revocation…).
    CREATE TABLE certificate_event (
      certificate_id TEXT NOT NULL REFERENCES certificate(id),
      effective_on   TEXT NOT NULL,
      at             TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('valid', 'invalid', 'revoked', 'superseded')),
      reason         TEXT NOT NULL,
      actor_id       TEXT REFERENCES person(id)
    ) STRICT;
    CREATE INDEX certificate_event_certificate ON certificate_event(certificate_id, effective_on);

    -- Notifications gain the certificate kinds (issued, no longer valid) and a link to the
    -- certificate. SQLite cannot change a CHECK in place: the table is rebuilt with the same rows,
    -- and the outbox's links (set NULL by the drop) are put back.
    CREATE TEMP TABLE outbox_link AS SELECT id, notification_id FROM outbox WHERE notification_id IS NOT NULL;
    CREATE TABLE notification_new (
      id               TEXT PRIMARY KEY,
      person_id        TEXT NOT NULL REFERENCES person(id),
      kind             TEXT NOT NULL CHECK (kind IN ('new_required','due_soon','overdue','expiring','expired',
                         'certificate_issued','certificate_invalid')),
      module_id        TEXT REFERENCES module(id),
      configuration_id TEXT REFERENCES training_configuration(id) ON DELETE SET NULL,
      certificate_id   TEXT REFERENCES certificate(id),
      title            TEXT NOT NULL,
      body             TEXT NOT NULL,
      dedupe_key       TEXT NOT NULL UNIQUE,
      created_at       TEXT NOT NULL,
      read_at          TEXT
    ) STRICT;
    INSERT INTO notification_new (id, person_id, kind, module_id, configuration_id, title, body, dedupe_key,
        created_at, read_at)
      SELECT id, person_id, kind, module_id, configuration_id, title, body, dedupe_key, created_at, read_at
      FROM notification;
    DROP TABLE notification;
    ALTER TABLE notification_new RENAME TO notification;
    CREATE INDEX notification_person ON notification(person_id, created_at);
    UPDATE outbox SET notification_id = (SELECT l.notification_id FROM outbox_link l WHERE l.id = outbox.id)
      WHERE id IN (SELECT id FROM outbox_link);
    DROP TABLE outbox_link;
  `);
}
