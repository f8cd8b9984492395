import type { Database } from 'better-sqlite3';

/** Level names for units, groups (static and rule-based), and custom roles copied from others. */
export default function organisation(db: Database): void {
  db.exec(`
    ALTER TABLE unit ADD COLUMN level TEXT;
    UPDATE unit SET level = CASE kind
      WHEN 'organisation' THEN 'Organisation' WHEN 'client' THEN 'Client'
      WHEN 'region' THEN 'Region' WHEN 'site' THEN 'Site' ELSE NULL END;

    ALTER TABLE role ADD COLUMN description TEXT;
    ALTER TABLE role ADD COLUMN based_on TEXT REFERENCES role(id);
    ALTER TABLE role ADD COLUMN created_at TEXT;

    CREATE TABLE group_ (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description TEXT,
      kind        TEXT NOT NULL CHECK (kind IN ('static','rule')),
      -- For rule groups, JSON: {"unitIds": [...subtrees], "departmentIds": [...], "jobTitleIds": [...]};
      -- a person matches when every non-empty list has a match.
      rule        TEXT,
      -- The unit whose managers may edit the group; its scope decides who can see it.
      owner_unit_id TEXT NOT NULL REFERENCES unit(id),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE group_member (
      group_id  TEXT NOT NULL REFERENCES group_(id) ON DELETE CASCADE,
      person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX group_member_person ON group_member(person_id);

    CREATE INDEX person_department ON person(department_id);
    CREATE INDEX person_job_title ON person(job_title_id);
    CREATE INDEX person_status ON person(status);
  `);
}
