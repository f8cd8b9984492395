import type { Db } from '../../db/open.js';

/** One row of signing_key: this installation's key pair (own = 1) or another site's trusted public key. */
export interface SigningKeyDbRow {
  id: string;
  name: string;
  public_key: string;
  private_key: string | null;
  own: 0 | 1;
  created_at: string;
  created_by: string | null;
  removed_at: string | null;
}

const COLUMNS = 'id, name, public_key, private_key, own, created_at, created_by, removed_at';

export function signingKeyRepo(db: Db) {
  return {
    own(): SigningKeyDbRow | undefined {
      return db.prepare<[], SigningKeyDbRow>(`SELECT ${COLUMNS} FROM signing_key WHERE own = 1`).get();
    },

    /** Another process (the CLI beside the app) may have made it first: the unique index keeps one. */
    insertOwnIfMissing(k: { id: string; name: string; publicKey: string; privateKey: string; now: string }) {
      db.prepare(
        `INSERT OR IGNORE INTO signing_key (id, name, public_key, private_key, own, created_at)
         VALUES (?, ?, ?, ?, 1, ?)`,
      ).run(k.id, k.name, k.publicKey, k.privateKey, k.now);
    },

    byId(id: string): SigningKeyDbRow | undefined {
      return db.prepare<[string], SigningKeyDbRow>(`SELECT ${COLUMNS} FROM signing_key WHERE id = ?`).get(id);
    },

    byPublicKey(publicKey: string): SigningKeyDbRow | undefined {
      return db
        .prepare<[string], SigningKeyDbRow>(`SELECT ${COLUMNS} FROM signing_key WHERE public_key = ?`)
        .get(publicKey);
    },

    /** Other sites' keys still trusted, by name. */
    trusted(): SigningKeyDbRow[] {
      return db
        .prepare<[], SigningKeyDbRow>(
          `SELECT ${COLUMNS} FROM signing_key WHERE own = 0 AND removed_at IS NULL
           ORDER BY name COLLATE NOCASE, created_at`,
        )
        .all();
    },

    insertTrusted(k: { id: string; name: string; publicKey: string; actorId: string; now: string }): void {
      db.prepare(
        `INSERT INTO signing_key (id, name, public_key, private_key, own, created_at, created_by)
         VALUES (?, ?, ?, NULL, 0, ?, ?)`,
      ).run(k.id, k.name, k.publicKey, k.now, k.actorId);
    },

    /** A key trusted once, removed, and trusted again: the same row comes back under its new name. */
    restoreTrusted(id: string, name: string): void {
      db.prepare('UPDATE signing_key SET name = ?, removed_at = NULL WHERE id = ? AND own = 0').run(name, id);
    },

    /** Keys stay for history (certificates name them); a removed key no longer verifies. */
    remove(id: string, now: string): void {
      db.prepare('UPDATE signing_key SET removed_at = ? WHERE id = ? AND own = 0').run(now, id);
    },
  };
}
