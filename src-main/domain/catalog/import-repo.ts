import type { Db } from '../../db/open.js';

/** The few lookups a modules import needs beyond the module repo. */
export function catalogImportRepo(db: Db) {
  return {
    unitName(id: string): string | undefined {
      return db.prepare<[string], string>('SELECT name FROM unit WHERE id = ?').pluck().get(id);
    },
  };
}
