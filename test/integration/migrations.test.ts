import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, schemaVersion } from '../../src-main/db/open.js';
import { migrations } from '../../src-main/db/migrations/index.js';
import { useTmpDir } from '../helpers/tmp.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('database', () => {
  const tmp = useTmpDir();

  it('creates a new file migrated to the current schema, in WAL mode with foreign keys on', () => {
    const file = join(tmp(), 'new.db');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => !t.strict)).toEqual([]);
    db.close();
  });

  it('upgrades a version-7 database to certificates keeping notifications and their outbox links', () => {
    const file = join(tmp(), 'v7.db');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    raw.function('fold', { deterministic: true }, (v: unknown) => v);
    raw.transaction(() => {
      for (const m of migrations.slice(0, 7)) m(raw);
      raw.pragma('user_version = 7');
    })();
    raw.exec(`INSERT INTO unit (id, parent_id, kind, name, code, created_at)
                VALUES ('u', NULL, 'organisation', 'Org', 'ORG', 'n');
              INSERT INTO person (id, email, username, first_name, last_name, unit_id, created_at, updated_at)
                VALUES ('p', 'p@example.com', 'p@example.com', 'Åsa', 'Öberg', 'u', 'n', 'n');
              INSERT INTO notification (id, person_id, kind, title, body, dedupe_key, created_at)
                VALUES ('n1', 'p', 'expired', 'Fire safety expired', 'Renew it.', 'k1', 'n');
              INSERT INTO outbox (id, notification_id, to_email, subject, body, created_at)
                VALUES ('o1', 'n1', 'p@example.com', 'Fire safety expired', 'Renew it.', 'n');`);
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion());
    expect(db.prepare('SELECT id, kind, title FROM notification').all()).toEqual([
      { id: 'n1', kind: 'expired', title: 'Fire safety expired' },
    ]);
    expect(db.prepare("SELECT notification_id FROM outbox WHERE id = 'o1'").pluck().get()).toBe('n1');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('keeps data across reopening and does not run migrations twice', () => {
    const file = join(tmp(), 'keep.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO setting (key, value) VALUES ('k', 'v')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM setting WHERE key = 'k'").pluck().get()).toBe('v');
    expect(again.prepare('SELECT count(*) FROM role WHERE builtin = 1').pluck().get()).toBe(9);
    again.close();
  });

  it('refuses a database written by a newer Fieldbook and leaves it byte-for-byte untouched', () => {
    const file = join(tmp(), 'future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x INTEGER)');
    raw.pragma(`user_version = ${schemaVersion() + 7}`);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Fieldbook.*left untouched/);
    expect(sha(file)).toBe(before);
    expect(existsSync(file + '-wal')).toBe(false);
  });

  it('rejects rows that break the schema (STRICT types, foreign keys)', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db
        .prepare(
          "INSERT INTO unit (id, parent_id, kind, name, created_at) VALUES ('u', 'missing', 'site', 'X', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO person (id, email, username, first_name, last_name, unit_id, failed_signins, created_at, updated_at) VALUES ('p','e','u','f','l','u','many','n','n')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});
