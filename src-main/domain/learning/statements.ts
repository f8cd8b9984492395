import type { Db } from '../../db/open.js';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * The database with `prepare` remembered per SQL text. The learner's repos run
 * the same few statements for every person a bulk result reaches, and
 * preparing them again each time was most of that call's cost. Each SQL text is
 * always used the same way (pluck or not), so sharing its statement is safe.
 */
export function withStatementCache(db: Db): Pick<Db, 'prepare'> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const known = cache;
  const prepare = (sql: string) => {
    let stmt = known.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      known.set(sql, stmt);
    }
    return stmt;
  };
  return { prepare: prepare as Db['prepare'] };
}
