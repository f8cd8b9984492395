import type { Database } from 'better-sqlite3';

/**
 * The pieces the benchmarks' data builders share: a seeded random number
 * generator (the same data every run), zero-padded ids, days counted from a
 * start date, and one site full of generated people, written by raw SQL.
 */
export const BENCH_NOW = '2026-01-01T00:00:00.000Z';

/** A linear congruential generator: numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

export const pad = (n: number, width = 6): string => String(n).padStart(width, '0');

/** `offset` days after `start` (YYYY-MM-DD), as YYYY-MM-DD. */
export function dayAfter(start: string): (offset: number) => string {
  const base = Date.parse(`${start}T00:00:00.000Z`);
  return (offset) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A site under the organisation with `count` people, ids `<prefix>-000000`…, emails `<letter><i>@bench.test`. */
export function insertBenchSite(
  db: Database,
  o: {
    orgId: string;
    siteId: string;
    siteCode: string;
    personPrefix: string;
    emailLetter: string;
    count: number;
  },
): void {
  db.prepare(
    `INSERT INTO unit (id, parent_id, kind, name, code, created_at) VALUES (?, ?, 'site', 'Bench Site', ?, ?)`,
  ).run(o.siteId, o.orgId, o.siteCode, BENCH_NOW);
  const person = db.prepare(
    `INSERT INTO person (id, email, username, first_name, last_name, unit_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < o.count; i++)
    person.run(
      `${o.personPrefix}-${pad(i)}`,
      `${o.emailLetter}${i}@bench.test`,
      `${o.emailLetter}${i}`,
      `First${i}`,
      `Last${i}`,
      o.siteId,
      BENCH_NOW,
      BENCH_NOW,
    );
}
