import type { Database } from 'better-sqlite3';

/**
 * The organisation, people and who may do what. Built-in roles are rows so that
 * grants can reference them, but their privileges come from the code
 * (`shared/permissions/roles.ts`) so that new features reach existing databases.
 */
export default function initial(db: Database): void {
  db.exec(`
    CREATE TABLE setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE unit (
      id          TEXT PRIMARY KEY,
      parent_id   TEXT REFERENCES unit(id),
      kind        TEXT NOT NULL CHECK (kind IN ('organisation','client','region','site','other')),
      name        TEXT NOT NULL,
      code        TEXT UNIQUE COLLATE NOCASE,
      archived_at TEXT,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX unit_parent ON unit(parent_id);

    CREATE TABLE department (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      archived_at TEXT
    ) STRICT;

    CREATE TABLE job_title (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      archived_at TEXT
    ) STRICT;

    CREATE TABLE person (
      id             TEXT PRIMARY KEY,
      email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
      username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      first_name     TEXT NOT NULL,
      last_name      TEXT NOT NULL,
      employee_no    TEXT UNIQUE COLLATE NOCASE,
      unit_id        TEXT NOT NULL REFERENCES unit(id),
      department_id  TEXT REFERENCES department(id),
      job_title_id   TEXT REFERENCES job_title(id),
      manager_id     TEXT REFERENCES person(id),
      status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','left')),
      password_hash  TEXT,
      pin_hash       TEXT,
      failed_signins INTEGER NOT NULL DEFAULT 0,
      locked_until   TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX person_unit ON person(unit_id);
    CREATE INDEX person_manager ON person(manager_id);
    CREATE INDEX person_name ON person(last_name COLLATE NOCASE, first_name COLLATE NOCASE);

    CREATE TABLE role (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      rank       INTEGER NOT NULL,
      scope      TEXT NOT NULL CHECK (scope IN ('self','unit','subtree','organisation','organisation_and_clients')),
      builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1)),
      -- JSON array of privilege names; NULL for built-in roles, whose set lives in code.
      privileges TEXT
    ) STRICT;

    CREATE TABLE grant_ (
      id        TEXT PRIMARY KEY,
      person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      role_id   TEXT NOT NULL REFERENCES role(id),
      unit_id   TEXT NOT NULL REFERENCES unit(id),
      UNIQUE (person_id, role_id, unit_id)
    ) STRICT;
    CREATE INDEX grant_person ON grant_(person_id);

    CREATE TABLE audit_log (
      seq        INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      actor_id   TEXT,
      call       TEXT NOT NULL,
      target_ids TEXT NOT NULL,
      summary    TEXT NOT NULL,
      before     TEXT,
      after      TEXT,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_call ON audit_log(call);
  `);

  // The rows mirror shared/permissions/roles.ts at the time of this migration;
  // names and ranks of built-ins are refreshed from code on every start.
  const insert = db.prepare('INSERT INTO role (id, name, rank, scope, builtin) VALUES (?, ?, ?, ?, 1)');
  for (const [id, name, rank, scope] of [
    ['member', 'Member', 10, 'self'],
    ['manager', 'Manager', 20, 'unit'],
    ['manager-reports', 'Manager (Reports Only)', 19, 'unit'],
    ['regional-manager', 'Regional Manager', 30, 'subtree'],
    ['regional-manager-reports', 'Regional Manager (Reports Only)', 29, 'subtree'],
    ['organisation-admin', 'Organisation Admin', 40, 'organisation'],
    ['organisation-admin-reports', 'Organisation Admin (Reports Only)', 39, 'organisation'],
    ['master-admin', 'Master Admin', 50, 'organisation_and_clients'],
    ['master-admin-reports', 'Master Admin (Reports Only)', 49, 'organisation_and_clients'],
  ] as const) {
    insert.run(id, name, rank, scope);
  }
}
