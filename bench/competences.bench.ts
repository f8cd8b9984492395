import type { Database } from 'better-sqlite3';
import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { BENCH_NOW, dayAfter, insertBenchSite, pad, seededRandom } from './bench-data.js';
import type { Benchmark } from './harness.js';

const AS_OF = '2025-06-01';

/**
 * 10,000 people × 30 competences, each given by its own module, and about one
 * completion per pair over three years (~300,000 records): the mappings exist
 * first, so the training_record triggers write the grants as an import would.
 */
function buildCompetenceData(db: Database, orgId: string, people = 10_000, competences = 30): void {
  const now = BENCH_NOW;
  const rnd = seededRandom(7);
  const day = dayAfter('2022-07-01');
  db.transaction(() => {
    insertBenchSite(db, {
      orgId,
      siteId: 'cb-site',
      siteCode: 'S-CB',
      personPrefix: 'cp',
      emailLetter: 'c',
      count: people,
    });
    const mod = db.prepare(
      `INSERT INTO module (id, code, kind, title, owner_unit_id, status, draft, created_at, updated_at)
       VALUES (?, ?, 'course', ?, ?, 'published', '{}', ?, ?)`,
    );
    const competence = db.prepare(
      `INSERT INTO competence (id, code, name, parent_id, default_days, created_at, updated_at, code_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, lower(?))`,
    );
    const map = db.prepare(
      `INSERT INTO module_competence (module_id, competence_id, created_at) VALUES (?, ?, ?)`,
    );
    competence.run('cc-root', 'CB-ROOT', 'Bench', null, null, now, now, 'CB-ROOT');
    for (let c = 0; c < competences; c++) {
      mod.run(`cm-${pad(c, 3)}`, `CM-${pad(c, 3)}`, `Module ${c}`, orgId, now, now);
      competence.run(
        `cc-${pad(c, 3)}`,
        `CC-${pad(c, 3)}`,
        `Competence ${c}`,
        'cc-root',
        c % 4 ? 365 : null,
        now,
        now,
        `CC-${pad(c, 3)}`,
      );
      map.run(`cm-${pad(c, 3)}`, `cc-${pad(c, 3)}`, now);
    }
    const rec = db.prepare(
      `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date, source, created_at, updated_at)
       VALUES (?, ?, 'course', ?, 'x', 'Bench', ?, 'import', ?, ?)`,
    );
    let n = 0;
    for (let i = 0; i < people; i++)
      for (let c = 0; c < competences; c++) {
        const count = Math.floor(rnd() * 3);
        for (let k = 0; k < count; k++)
          rec.run(`cr-${n++}`, `cp-${pad(i)}`, `cm-${pad(c, 3)}`, day(Math.floor(rnd() * 1100)), now, now);
      }
  })();
}

/**
 * One page of 50 people of the competence matrix, with the status counts over
 * all 10,000, against the least any answer must do: the furthest valid-until per
 * person and competence as of the day, as one raw GROUP BY over the grants.
 */
export function competenceBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  let admin = '';
  // Counted inside SQLite: the subject returns 50 rows and a few counts, not 200,000 pairs.
  const baseline = app.db.prepare(
    `SELECT count(*) FROM (SELECT person_id, competence_id, max(valid_until) AS until FROM person_competence
     WHERE completion_date <= ? GROUP BY person_id, competence_id)`,
  );
  return [
    {
      name: 'competences.matrix, 10,000 people × 30 competences, a page of 50 + counts',
      baselineLabel: 'raw SQL furthest valid-until per person and competence',
      setup: async () => {
        const res = await app.invokeUntyped(
          'setup.create',
          {
            organisationName: 'Bench Mining',
            email: 'admin@bench.test',
            password: 'a long bench passphrase',
            firstName: 'Bench',
            lastName: 'Admin',
          },
          {},
        );
        if (!res.ok) throw new Error(res.error.message);
        admin = app.db
          .prepare(`SELECT id FROM person WHERE email = 'admin@bench.test'`)
          .pluck()
          .get() as string;
        const org = app.db.prepare(`SELECT id FROM unit WHERE parent_id IS NULL`).pluck().get() as string;
        buildCompetenceData(app.db, org);
        app.db.exec('ANALYZE');
      },
      baseline: () => baseline.pluck().get(AS_OF),
      subject: () => app.invokeUntyped('competences.matrix', { asOf: AS_OF, limit: 50 }, { actorId: admin }),
      maxRatio: 3,
      teardown: () => app.close(),
    },
  ];
}
