import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { seedDemoOrganisation } from '../src-main/demo/seed-demo.js';
import type { Benchmark } from './harness.js';

/** What the dispatcher (validation, actor, permission, transaction, output filter) costs over the bare query. */
export function dispatcherBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  seedDemoOrganisation(app);
  const admin = app.db
    .prepare("SELECT id FROM person WHERE email = 'admin@demo.fieldbook'")
    .pluck()
    .get() as string;
  const raw = app.db.prepare(
    `SELECT p.*, u.name AS unit_name FROM person p JOIN unit u ON u.id = p.unit_id
     ORDER BY p.last_name, p.first_name LIMIT 50`,
  );
  return [
    {
      name: 'people.list (50 rows) through the dispatcher',
      baselineLabel: 'the same page as one raw SQL query',
      baseline: () => raw.all(),
      subject: () => app.invokeUntyped('people.list', { limit: 50 }, { actorId: admin }),
      maxRatio: 6,
    },
    {
      name: 'setup.status round trip',
      baselineLabel: 'one raw SELECT of the organisation',
      baseline: () => app.db.prepare("SELECT name FROM unit WHERE kind = 'organisation'").get(),
      subject: () => app.invokeUntyped('setup.status', {}, {}),
      teardown: () => app.close(),
    },
  ];
}
