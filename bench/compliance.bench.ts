import type { Database } from 'better-sqlite3';
import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { BENCH_NOW, dayAfter, insertBenchSite, pad, seededRandom } from './bench-data.js';
import type { Benchmark } from './harness.js';

const AS_OF = '2025-06-01';

/**
 * 10,000 people × 50 required modules (one unit configuration) and ~500,000
 * completions spread over three years, written by raw SQL in one transaction.
 */
function buildComplianceData(db: Database, orgId: string, people = 10_000, modules = 50): void {
  const now = BENCH_NOW;
  const rnd = seededRandom(42);
  const day = dayAfter('2023-01-01');
  db.transaction(() => {
    insertBenchSite(db, {
      orgId,
      siteId: 'bench-site',
      siteCode: 'S-BENCH',
      personPrefix: 'bp',
      emailLetter: 'p',
      count: people,
    });
    const mod = db.prepare(
      `INSERT INTO module (id, code, kind, title, owner_unit_id, default_validity_months, status, draft, created_at, updated_at)
       VALUES (?, ?, 'course', ?, ?, ?, 'published', '{}', ?, ?)`,
    );
    for (let m = 0; m < modules; m++)
      mod.run(`bm-${pad(m, 3)}`, `BM-${pad(m, 3)}`, `Module ${m}`, orgId, m % 3 === 0 ? null : 12, now, now);
    db.prepare(
      `INSERT INTO training_configuration (id, name, target_type, target_id, owner_unit_id, created_at, updated_at)
       VALUES ('bench-config', 'Bench', 'unit', 'bench-site', 'bench-site', ?, ?)`,
    ).run(now, now);
    const item = db.prepare(
      `INSERT INTO configuration_item (id, configuration_id, module_id, requirement, validity_months, due_kind, due_days, valid_from)
       VALUES (?, 'bench-config', ?, 'required', ?, ?, ?, '2023-01-01')`,
    );
    for (let m = 0; m < modules; m++)
      item.run(
        `bi-${m}`,
        `bm-${pad(m, 3)}`,
        m % 2 ? 24 : null,
        m % 5 ? null : 'after_joining',
        m % 5 ? null : 90,
      );
    const ful = db.prepare(
      `INSERT INTO fulfilment (id, configuration_id, person_id, assigned_on) VALUES (?, 'bench-config', ?, '2023-01-01')`,
    );
    for (let i = 0; i < people; i++) ful.run(`bf-${i}`, `bp-${pad(i)}`);
    const rec = db.prepare(
      `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date, source, created_at, updated_at)
       VALUES (?, ?, 'course', ?, 'x', 'Bench', ?, 'import', ?, ?)`,
    );
    let n = 0;
    for (let i = 0; i < people; i++)
      for (let m = 0; m < modules; m++) {
        const count = Math.floor(rnd() * 3); // 0, 1 or 2: about one per pair
        for (let k = 0; k < count; k++)
          rec.run(`br-${n++}`, `bp-${pad(i)}`, `bm-${pad(m, 3)}`, day(Math.floor(rnd() * 1100)), now, now);
      }
  })();
}

/**
 * The compliance matrix over the whole data set (every person, as of a date,
 * column totals included) against the least any answer must do: the latest
 * completion per person and module, as one raw GROUP BY.
 */
export function complianceBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  let admin = '';
  const baseline = app.db.prepare(
    `SELECT person_id, object_id, max(completion_date) AS last FROM training_record
     WHERE completion_date <= ? GROUP BY person_id, object_id`,
  );
  return [
    {
      name: 'compliance.matrix, 10,000 people × 50 modules, 500,000 records',
      baselineLabel: 'raw SQL latest completion per person and module',
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
        buildComplianceData(app.db, org);
        app.db.exec('ANALYZE');
      },
      baseline: () => baseline.all(AS_OF),
      subject: () => {
        const res = app.invokeUntyped('compliance.matrix', { asOf: AS_OF, limit: 100 }, { actorId: admin });
        return res;
      },
      maxRatio: 3,
      teardown: () => app.close(),
    },
  ];
}
