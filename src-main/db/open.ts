import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { fold } from './text-search.js';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `The database ${file} was written by a newer version of Fieldbook (schema ${found}, this version knows up to ${supported}). ` +
        'It was left untouched: open it with the newer Fieldbook.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class DatabaseOpenError extends Error {
  constructor(file: string, cause: unknown) {
    super(`Could not open the database ${file}: ${cause instanceof Error ? cause.message : String(cause)}.`);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens (creating if needed) and migrates a database. The schema version is read
 * before anything else touches the file, so a database from a newer Fieldbook is
 * refused byte-for-byte unchanged: even switching to WAL would rewrite its header.
 */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    throw new DatabaseOpenError(file, e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new DatabaseTooNewError(file, version, migrations.length);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.function('fold', { deterministic: true }, (s: unknown) => (s === null ? null : fold(String(s))));
    migrate(db, version);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DatabaseTooNewError) throw e;
    throw new DatabaseOpenError(file, e);
  }
}

function migrate(db: Db, from: number): void {
  for (let v = from; v < migrations.length; v++) {
    const step = migrations[v];
    if (!step) continue;
    // One transaction per step: a failing migration leaves the previous version intact.
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export const schemaVersion = (): number => migrations.length;
