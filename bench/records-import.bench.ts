import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { createApp } from '../src-main/app/create-app.js';
import { openDatabase } from '../src-main/db/open.js';
import { ENGLISH_FIRST, ENGLISH_LAST, SWEDISH_FIRST, SWEDISH_LAST } from '../src-main/demo/names.js';
import { peopleRepo } from '../src-main/domain/people/repo.js';
import type { Benchmark } from './harness.js';

const ROWS = 200_000;
const PEOPLE = 2_000;
const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';
const TYPES = ['Certificate', 'External Course', 'certificate', 'external'];
const TITLES = [
  'Första hjälpen',
  'Heta arbeten',
  'Fire safety awareness',
  'Arbete på hög höjd',
  'Forklift operator, counterbalance',
  'Manual handling',
  'Lockout / tagout',
  'Säkerhet "grund" del 1',
];
const PROVIDERS = [
  'Röda Korset',
  'Brandskyddsföreningen',
  'St John Ambulance',
  'Truckskolan AB',
  'Safety First Ltd',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** 2,000 people with Swedish and English names, as the import's Name column finds them. */
function people(): { email: string; first: string; last: string }[] {
  return Array.from({ length: PEOPLE }, (_, i) => {
    const sv = i % 2 === 0;
    const first = pick(sv ? SWEDISH_FIRST : ENGLISH_FIRST, i * 7);
    const last = pick(sv ? SWEDISH_LAST : ENGLISH_LAST, i * 13);
    return { email: `person${i}@example.com`, first, last };
  });
}

/** A 200,000-row records file (~20 MB) as an HR spreadsheet would write it: mixed date forms, quoting. */
function recordsFile(who: { email: string }[]): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const p = pick(who, i * 31);
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const year = 2010 + (i % 15);
    // Half ISO, half day-first with a day over 12 (unambiguous without a date order).
    const date =
      i % 2 === 0
        ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : `${13 + (i % 15)}/${String(month).padStart(2, '0')}/${year}`;
    const other = i % 5 === 0 ? `"Intygat av handledare, ""OK"" ${i}"` : '';
    const title = pick(TITLES, i).replace(/"/g, '""');
    lines.push(`,${p.email},${pick(TYPES, i)},,"${title}",${pick(PROVIDERS, i * 3)},${date},${other},,`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * The records import at full size (issue 7): open + validate every slice + commit with its audit note,
 * through the dispatcher, against the irreducible work: papaparse of the same text and a prepared INSERT
 * of the same rows in one transaction. Then the export of those 200,000 records against a bare SELECT
 * and Papa.unparse. Each run starts from the same database: `reset` deletes what the last run wrote.
 */
export function recordsImportBenchmarks(): Benchmark[] {
  const app = createApp({ db: openDatabase(':memory:') });
  let admin = '';
  let text = '';
  let content = '';
  const ids = new Map<string, string>();
  const reset = () => {
    app.db.exec('DELETE FROM training_record; DELETE FROM record_import_change; DELETE FROM record_import;');
  };
  // The dispatcher works synchronously; the promise only hands over the finished result.
  const invoke = async <T>(call: string, input: unknown): Promise<T> => {
    const res = await app.invokeUntyped(call, input, { actorId: admin });
    if (!res.ok) throw new Error(`${call}: ${res.error.message}`);
    return res.value as T;
  };
  // Random UUIDs like the real records' ids: sequential ids would append to the primary key's B-tree
  // and make the baseline cheaper than inserting the same rows can be.
  const bareInsert = () => {
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const insert = app.db.prepare(
      `INSERT INTO training_record (id, person_id, record_type, title, provider, completion_date, other_info,
         source, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    app.db.transaction(() => {
      for (let i = 1; i < parsed.length; i++) {
        const r = parsed[i] as string[];
        insert.run(
          randomUUID(),
          ids.get(r[1] ?? '') ?? '',
          r[2]?.toLowerCase().startsWith('cert') ? 'certificate' : 'external_course',
          r[4],
          r[5],
          r[6],
          r[7] || null,
          now,
          now,
          admin,
        );
      }
    })();
  };
  const setup = async () => {
    const res = await app.invoke('setup.create', {
      organisationName: 'Norrland Mining',
      email: 'asa.oberg@example.com',
      password: 'correct horse battery',
      firstName: 'Åsa',
      lastName: 'Öberg',
    });
    if (!res.ok) throw new Error(res.error.message);
    admin = app.db.prepare('SELECT id FROM person LIMIT 1').pluck().get() as string;
    const unit = app.db.prepare('SELECT unit_id FROM person WHERE id = ?').pluck().get(admin) as string;
    const who = people();
    const now = new Date().toISOString();
    app.db.transaction(() => {
      who.forEach((p, i) => {
        const id = `bench-person-${i}`;
        ids.set(p.email, id);
        peopleRepo(app.db).insert({
          id,
          email: p.email,
          firstName: p.first,
          lastName: p.last,
          unitId: unit,
          passwordHash: null,
          now,
        });
      });
    })();
    text = recordsFile(who);
    content = Buffer.from(text, 'utf8').toString('base64');
    console.error(`records file: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${ROWS} rows`);
  };
  const open = async () =>
    (await invoke<{ token: string }>('records.import.open', { fileName: 'records.csv', content })).token;
  const commit = async (token: string) => {
    const c = await invoke<{ committed: boolean; errorCount: number }>('records.import.commit', { token });
    if (!c.committed) throw new Error(`commit refused: ${c.errorCount} errors`);
  };
  return [
    {
      // The commit checks every row with the same checker as the dry run, in the same pass that writes.
      name: 'records import: open + commit, every row checked (200,000 rows)',
      baselineLabel: 'papaparse + prepared INSERT of the same rows in one transaction',
      runs: 3,
      reset,
      setup,
      baseline: bareInsert,
      subject: async () => commit(await open()),
      maxRatio: 1.5,
    },
    {
      // The screen's flow: a separate dry run first (one more pass over the file) so the user sees it.
      name: 'records import with a dry run first: open + validate + commit',
      baselineLabel: 'papaparse + prepared INSERT of the same rows in one transaction',
      runs: 3,
      reset,
      baseline: bareInsert,
      subject: async () => {
        const token = await open();
        while (
          !(await invoke<{ done: boolean }>('records.import.validate', { token, maxRows: 100_000 })).done
        );
        await commit(token);
      },
      maxRatio: 2,
    },
    {
      name: 'records export (200,000 records)',
      baselineLabel: 'bare SELECT of the same rows + Papa.unparse',
      runs: 5,
      // The 200,000 records of the bare insert, there for both sides.
      setup: () => {
        reset();
        bareInsert();
      },
      baseline: () =>
        Papa.unparse(
          app.db
            .prepare(
              `SELECT r.id, p.username, r.record_type, m.code, r.title, r.provider, r.completion_date, r.other_info,
                 q.code, p.email, p.first_name, p.last_name
               FROM training_record r JOIN person p ON p.id = r.person_id
               LEFT JOIN module m ON m.id = r.object_id LEFT JOIN qualification q ON q.id = r.qualification_id
               ORDER BY p.last_name, p.first_name, r.completion_date, r.id`,
            )
            .raw(true)
            .all() as unknown[][],
        ),
      subject: async () => {
        const res = await invoke<{ rows: number }>('records.export', {});
        if (res.rows !== ROWS) throw new Error(`export wrote ${res.rows} rows`);
      },
      maxRatio: 1.5,
      teardown: () => app.close(),
    },
  ];
}
