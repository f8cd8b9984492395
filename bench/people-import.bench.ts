import Papa from 'papaparse';
import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { seedDemoOrganisation } from '../src-main/demo/seed-demo.js';
import type { Benchmark } from './harness.js';

const SITES = ['S-UME', 'S-LLA', 'S-KIR', 'S-LDS', 'S-BRS', 'S-ABZ'];

/** A 10,000-row HR file with managers, departments and job titles, as a spreadsheet would write it. */
function hrFile(n: number): Buffer {
  const lines = ['Email;First Name;Last Name;Employee Number;Unit;Department;Job Title;Manager Email;Status'];
  for (let i = 0; i < n; i++) {
    const manager = i === 0 ? '' : `bench${Math.floor((i - 1) / 10)}@example.com`;
    lines.push(
      `bench${i}@example.com;Förnamn${i};Efternamn${i};B${i};${SITES[i % SITES.length]};Dept ${i % 9};Title ${i % 17};${manager};`,
    );
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * What checking a people import costs over just parsing the file: decoding,
 * header matching, unit, scope, rank and manager-loop checks against the
 * database, through the dispatcher, for 10,000 rows (half of them existing people).
 */
export function peopleImportBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  seedDemoOrganisation(app);
  const admin = app.db
    .prepare("SELECT id FROM person WHERE email = 'admin@demo.fieldbook'")
    .pluck()
    .get() as string;
  const file = hrFile(10_000);
  const input = { fileName: 'bench.csv', content: file.toString('base64') };
  // Half the file already exists, so the check covers updates as well as creations.
  const half = { fileName: 'half.csv', content: hrFile(5_000).toString('base64') };
  // The dispatcher runs synchronously; the promise only wraps the finished result.
  void app.invokeUntyped('people.import.commit', half, { actorId: admin });
  return [
    {
      name: 'people.import.validate (10,000 rows)',
      baselineLabel: 'papaparse of the same decoded file',
      baseline: () => Papa.parse(file.toString('utf8'), { delimiter: ';' }),
      subject: () => app.invokeUntyped('people.import.validate', input, { actorId: admin }),
      maxRatio: 30,
    },
    {
      name: 'people.export (5,300 people)',
      baselineLabel: 'the same rows as one raw SQL query',
      baseline: () =>
        app.db.prepare('SELECT * FROM person p JOIN unit u ON u.id = p.unit_id ORDER BY p.last_name').all(),
      subject: () => app.invokeUntyped('people.export', {}, { actorId: admin }),
      maxRatio: 5,
      teardown: () => app.close(),
    },
  ];
}
