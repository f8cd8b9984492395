import { randomUUID } from 'node:crypto';
import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { seedDemo } from '../src-main/demo/seed-demo.js';
import type { Benchmark } from './harness.js';

/**
 * The learner's dashboard and a bulk manual result, on the demo's catalog and
 * year of history, against the raw SQL each has to do at the least.
 */
export function learningBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  const idOf = (email: string) =>
    app.db.prepare('SELECT id FROM person WHERE email = ?').pluck().get(email) as string;
  let learner = '';
  let admin = '';
  let moduleId = '';
  let people: string[] = [];
  const enrolments = app.db.prepare(
    `SELECT m.*, e.origin FROM enrolment e JOIN module m ON m.id = e.module_id WHERE e.person_id = ?`,
  );
  const insertResult = app.db.prepare(
    `INSERT INTO result (id, person_id, module_id, status, result_date, source, recorded_by, created_at)
     VALUES (?, ?, ?, 'passed', '2026-01-15', 'manual', ?, '2026-01-15T00:00:00Z')`,
  );
  const insertRecord = app.db.prepare(
    `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date,
       source, created_at, updated_at) VALUES (?, ?, 'course', ?, 'x', 'x', '2026-01-15', 'manual', 'now', 'now')`,
  );
  const rawBulk = app.db.transaction(() => {
    for (const p of people) {
      const id = randomUUID();
      insertResult.run(id, p, moduleId, admin);
      insertRecord.run(randomUUID(), p, moduleId);
    }
  });
  return [
    {
      name: 'learning.dashboard for a learner with a year of history',
      baselineLabel: 'one raw SELECT of their enrolled modules',
      setup: async () => {
        await seedDemo(app);
        learner = idOf('asa.oberg@demo.fieldbook');
        admin = idOf('admin@demo.fieldbook');
        moduleId = app.db.prepare("SELECT id FROM module WHERE code = 'MH-201'").pluck().get() as string;
        people = app.db
          .prepare("SELECT id FROM person WHERE status = 'active' AND id <> ? LIMIT 200")
          .pluck()
          .all(admin) as string[];
      },
      baseline: () => enrolments.all(learner),
      subject: () => app.invokeUntyped('learning.dashboard', {}, { actorId: learner }),
      // The dashboard also brings the person's fulfilments and notifications in step and asks the
      // compliance engine for their requirements (about 5 ms here); the limit guards against it
      // growing with the organisation, which the one-person baseline does not.
      maxRatio: 400,
    },
    {
      name: 'results.record for 200 people (result + training record each)',
      baselineLabel: '200 raw result and record INSERTs in one transaction',
      baseline: () => rawBulk(),
      subject: () =>
        app.invokeUntyped(
          'results.record',
          { moduleId, date: '2026-01-15', status: 'passed', personIds: people },
          { actorId: admin },
        ),
      maxRatio: 30,
      teardown: () => app.close(),
    },
  ];
}
