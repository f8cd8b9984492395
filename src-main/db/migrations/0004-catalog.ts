import type { Database } from 'better-sqlite3';

/**
 * The catalog (courses, quizzes, events, learning paths, external items), what
 * learners do with it (enrolments, progress, quiz attempts, event registrations)
 * and the results it leaves. Training records gain a foreign key to the module
 * they complete, a link to the result that made them, and an evidence file.
 *
 * Module content is versioned: `module.draft` is the working copy managers edit;
 * publishing freezes it as the next `module_version`, which attempts, progress and
 * results point at, so editing a published module never changes what someone
 * already completed.
 */
export default function catalog(db: Database): void {
  db.exec(`
    CREATE TABLE stored_file (
      id          TEXT PRIMARY KEY,
      sha256      TEXT NOT NULL,
      name        TEXT NOT NULL,
      mime_type   TEXT NOT NULL,
      size        INTEGER NOT NULL CHECK (size >= 0),
      created_at  TEXT NOT NULL,
      created_by  TEXT REFERENCES person(id)
    ) STRICT;

    CREATE TABLE module (
      id                      TEXT PRIMARY KEY,
      code                    TEXT NOT NULL UNIQUE COLLATE NOCASE,
      kind                    TEXT NOT NULL CHECK (kind IN ('course','quiz','event','learning_path','external')),
      title                   TEXT NOT NULL,
      description             TEXT,
      owner_unit_id           TEXT NOT NULL REFERENCES unit(id),
      -- JSON array of strings.
      tags                    TEXT NOT NULL DEFAULT '[]',
      default_validity_months INTEGER CHECK (default_validity_months IS NULL OR default_validity_months > 0),
      training_record         INTEGER NOT NULL DEFAULT 1 CHECK (training_record IN (0,1)),
      self_enrol              INTEGER NOT NULL DEFAULT 0 CHECK (self_enrol IN (0,1)),
      -- Who supplies an external item (e.g. iHasco); the organisation for everything else.
      provider                TEXT,
      status                  TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
      -- JSON content being edited (kind-specific); published versions are frozen copies.
      draft                   TEXT NOT NULL,
      -- The latest published version, NULL before the first publish.
      current_version         INTEGER,
      created_at              TEXT NOT NULL,
      updated_at              TEXT NOT NULL,
      created_by              TEXT REFERENCES person(id)
    ) STRICT;
    CREATE INDEX module_owner ON module(owner_unit_id);
    CREATE INDEX module_kind_status ON module(kind, status);

    CREATE TABLE module_version (
      module_id    TEXT NOT NULL REFERENCES module(id) ON DELETE CASCADE,
      version      INTEGER NOT NULL CHECK (version >= 1),
      title        TEXT NOT NULL,
      content      TEXT NOT NULL,
      published_at TEXT NOT NULL,
      published_by TEXT REFERENCES person(id),
      PRIMARY KEY (module_id, version)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE module_prerequisite (
      module_id          TEXT NOT NULL REFERENCES module(id) ON DELETE CASCADE,
      requires_module_id TEXT NOT NULL REFERENCES module(id),
      PRIMARY KEY (module_id, requires_module_id),
      CHECK (module_id <> requires_module_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX module_prerequisite_requires ON module_prerequisite(requires_module_id);

    -- Who has a module on their dashboard outside training configurations:
    -- self-registered, or put there by a manager.
    CREATE TABLE enrolment (
      person_id   TEXT NOT NULL REFERENCES person(id),
      module_id   TEXT NOT NULL REFERENCES module(id),
      origin      TEXT NOT NULL CHECK (origin IN ('self','manager')),
      enrolled_at TEXT NOT NULL,
      enrolled_by TEXT REFERENCES person(id),
      PRIMARY KEY (person_id, module_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX enrolment_module ON enrolment(module_id);

    -- Where a learner is in a course or learning path (one row per person, module and version).
    CREATE TABLE progress (
      person_id    TEXT NOT NULL REFERENCES person(id),
      module_id    TEXT NOT NULL REFERENCES module(id),
      version      INTEGER NOT NULL,
      -- JSON array of completed step ids.
      done_steps   TEXT NOT NULL DEFAULT '[]',
      last_step_id TEXT,
      started_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      completed_at TEXT,
      PRIMARY KEY (person_id, module_id, version),
      FOREIGN KEY (module_id, version) REFERENCES module_version(module_id, version)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE attempt (
      id             TEXT PRIMARY KEY,
      person_id      TEXT NOT NULL REFERENCES person(id),
      module_id      TEXT NOT NULL REFERENCES module(id),
      version        INTEGER NOT NULL,
      started_at     TEXT NOT NULL,
      -- started_at + the time limit, when the quiz has one.
      deadline_at    TEXT,
      submitted_at   TEXT,
      -- JSON: the question ids in the order this attempt showed them (shuffling is per attempt).
      question_order TEXT NOT NULL,
      -- JSON: {questionId: optionId[] | text}.
      answers        TEXT NOT NULL DEFAULT '{}',
      score_percent  REAL,
      -- JSON: [{sectionId, title, score, max, percent}].
      section_scores TEXT,
      passed         INTEGER CHECK (passed IS NULL OR passed IN (0,1)),
      -- A manager's reset: the attempt stays in the history but no longer counts towards max attempts.
      reset_at       TEXT,
      reset_by       TEXT REFERENCES person(id),
      reset_reason   TEXT,
      FOREIGN KEY (module_id, version) REFERENCES module_version(module_id, version)
    ) STRICT;
    CREATE INDEX attempt_person_module ON attempt(person_id, module_id, started_at);

    CREATE TABLE event_session (
      id           TEXT PRIMARY KEY,
      module_id    TEXT NOT NULL REFERENCES module(id),
      starts_at    TEXT NOT NULL,
      ends_at      TEXT NOT NULL CHECK (ends_at > starts_at),
      place        TEXT NOT NULL,
      capacity     INTEGER NOT NULL CHECK (capacity > 0),
      notes        TEXT,
      cancelled_at TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX event_session_module ON event_session(module_id, starts_at);

    CREATE TABLE session_instructor (
      session_id TEXT NOT NULL REFERENCES event_session(id) ON DELETE CASCADE,
      person_id  TEXT NOT NULL REFERENCES person(id),
      PRIMARY KEY (session_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX session_instructor_person ON session_instructor(person_id);

    CREATE TABLE session_registration (
      session_id    TEXT NOT NULL REFERENCES event_session(id) ON DELETE CASCADE,
      person_id     TEXT NOT NULL REFERENCES person(id),
      status        TEXT NOT NULL CHECK (status IN ('registered','waitlisted','cancelled')),
      registered_at TEXT NOT NULL,
      registered_by TEXT REFERENCES person(id),
      attendance    TEXT CHECK (attendance IS NULL OR attendance IN ('attended','absent')),
      -- For graded events: the instructor's verdict.
      outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('passed','failed')),
      marked_at     TEXT,
      marked_by     TEXT REFERENCES person(id),
      PRIMARY KEY (session_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX session_registration_person ON session_registration(person_id);

    -- Every outcome of a module for a person: live completions, quiz passes and
    -- fails, attendance, and results recorded by a manager (001_*).
    CREATE TABLE result (
      id               TEXT PRIMARY KEY,
      person_id        TEXT NOT NULL REFERENCES person(id),
      module_id        TEXT NOT NULL REFERENCES module(id),
      version          INTEGER,
      status           TEXT NOT NULL CHECK (status IN ('completed','passed','failed')),
      result_date      TEXT NOT NULL,
      score            REAL,
      note             TEXT,
      evidence_file_id TEXT REFERENCES stored_file(id),
      source           TEXT NOT NULL CHECK (source IN ('live','attendance','manual')),
      attempt_id       TEXT REFERENCES attempt(id),
      session_id       TEXT REFERENCES event_session(id),
      recorded_by      TEXT REFERENCES person(id),
      created_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX result_person_module ON result(person_id, module_id, result_date);
    CREATE INDEX result_module ON result(module_id);

    -- Training records: object_id becomes a real reference to the module, and a
    -- record may point at the result that created it and at an evidence file.
    CREATE TABLE training_record_new (
      id               TEXT PRIMARY KEY,
      person_id        TEXT NOT NULL REFERENCES person(id),
      record_type      TEXT NOT NULL CHECK (record_type IN
                         ('course','quiz','event','learning_path','external_course','certificate')),
      object_id        TEXT REFERENCES module(id),
      title            TEXT NOT NULL,
      provider         TEXT NOT NULL,
      completion_date  TEXT NOT NULL,
      expiry_date      TEXT CHECK (expiry_date IS NULL OR expiry_date >= completion_date),
      other_info       TEXT,
      qualification_id TEXT REFERENCES qualification(id),
      evidence_path    TEXT,
      evidence_file_id TEXT REFERENCES stored_file(id),
      result_id        TEXT REFERENCES result(id),
      source           TEXT NOT NULL CHECK (source IN ('completion','manual','import')),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      created_by       TEXT REFERENCES person(id)
    ) STRICT;
    INSERT INTO training_record_new (id, person_id, record_type, object_id, title, provider, completion_date,
        expiry_date, other_info, qualification_id, evidence_path, source, created_at, updated_at, created_by)
      SELECT id, person_id, record_type, NULL, title, provider, completion_date,
        expiry_date, other_info, qualification_id, evidence_path, source, created_at, updated_at, created_by
      FROM training_record;
    DROP TABLE training_record;
    ALTER TABLE training_record_new RENAME TO training_record;
    CREATE INDEX training_record_person ON training_record(person_id, completion_date);
    CREATE INDEX training_record_qualification ON training_record(qualification_id);
    -- Compliance (issue 6) looks up the latest completion per person and module.
    CREATE INDEX training_record_completion ON training_record(person_id, object_id, completion_date);
    CREATE INDEX training_record_object ON training_record(object_id);
  `);
}
