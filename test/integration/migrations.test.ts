import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, schemaVersion } from '../../src-main/db/open.js';
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
