import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { complete } from '../helpers/compliance.js';
import type { TestApp } from '../helpers/app.js';
import { useTmpDir } from '../helpers/tmp.js';

const FIXTURES = join(__dirname, '../fixtures/competences');
const TREE = join(FIXTURES, 'tree-sv-cp1252.csv');

/**
 * A database made by `init` (Åsa Öberg administers Norrland Mining) with two people,
 * two courses and their completions, years before any competence exists.
 */
async function competencesDb(file: string) {
  await initDatabase(file);
  const app = createApp({ db: openDatabase(file) }) as unknown as TestApp;
  const now = '2026-01-01T00:00:00.000Z';
  const org = app.db.prepare(`SELECT id FROM unit WHERE parent_id IS NULL`).pluck().get() as string;
  const person = app.db.prepare(
    `INSERT INTO person (id, email, username, first_name, last_name, unit_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  person.run('jorgen', 'jorgen@example.com', 'jorgen', 'Jörgen', 'Ämtöft', org, now, now);
  person.run('asa-b', 'asa.b@example.com', 'asab', 'Åsa', 'Berg', org, now, now);
  const mod = app.db.prepare(
    `INSERT INTO module (id, code, kind, title, owner_unit_id, status, draft, created_at, updated_at)
     VALUES (?, ?, 'course', ?, ?, 'published', '{}', ?, ?)`,
  );
  mod.run('fa101', 'FA-101', 'Truck A, grund', org, now, now);
  mod.run('hlr1', 'HLR-1', 'HLR för alla', org, now, now);
  complete(app, 'jorgen', 'fa101', '2025-03-01');
  complete(app, 'asa-b', 'fa101', '2023-09-15');
  complete(app, 'asa-b', 'hlr1', '2025-01-10');
  app.close();
}

/** The matrix as the app answers it, for comparing with the report the command line writes. */
async function matrixOf(file: string, asOf: string) {
  const app = createApp({ db: openDatabase(file) });
  try {
    const admin = app.db
      .prepare(`SELECT id FROM person WHERE email = 'asa@example.com'`)
      .pluck()
      .get() as string;
    const res = await app.invoke('competences.matrix', { asOf }, { actorId: admin });
    if (!res.ok) throw new Error(res.error.message);
    return res.value;
  } finally {
    app.close();
  }
}

describe('fieldbook competences', () => {
  const tmp = useTmpDir();

  it('imports a Windows-1252 tree, maps a course with backfill, and reports what the matrix shows', async () => {
    const db = join(tmp(), 'c.db');
    await competencesDb(db);
    const run = (...args: string[]) => cli(['--db', db, ...args]);

    const dry = await run('competences', 'import', TREE, '--dry-run');
    expect(dry.stdout).toBe('Dry run, nothing written. Would have: 4 created, 0 updated, 0 unchanged.\n');
    const imported = await run('competences', 'import', TREE);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Imported the competence tree: 4 created, 0 updated, 0 unchanged.\n');
    expect((await run('competences', 'import', TREE)).stdout).toContain('0 created, 0 updated, 4 unchanged');

    const mapped = await run('competences', 'map', 'fa-101', 'FORK-A');
    expect(mapped.stderr).toBe('');
    expect(mapped.stdout).toBe('Mapped FA-101 → FORK-A: 2 people got it from earlier completions.\n');
    expect((await run('competences', 'map', 'FA-101', 'fork-a')).stdout).toBe(
      'FA-101 is already mapped to FORK-A: nothing to do.\n',
    );
    expect((await run('competences', 'map', 'HLR-1', 'HLR')).stdout).toContain('1 person got it');

    // Swedish letters and the en dash survive Windows-1252; children are indented under their parent.
    const list = await run('competences', 'list');
    expect(list.stdout.split('\n').map((l) => l.trimEnd())).toEqual([
      'Code        Name                         Valid for      Modules',
      'HLR         Hjärt-lungräddning           730 days       HLR-1',
      'SÄK         Säkerhet                     never expires  -',
      '  LYFT      Lyft och truck               never expires  -',
      '    FORK-A  Truckkort A – motviktstruck  365 days       FA-101',
      '',
    ]);

    const json = await run('report', 'competences', '--as-of', '2026-03-01', '--format', 'json');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { email: string; competenceCode: string; status: string }[];
    expect(rows).toEqual([
      {
        email: 'asa.b@example.com',
        firstName: 'Åsa',
        lastName: 'Berg',
        competenceCode: 'FORK-A',
        competenceName: 'Truckkort A – motviktstruck',
        validFrom: '2023-09-15',
        validUntil: '2024-09-14',
        status: 'expired',
        sourceModule: 'FA-101',
      },
      expect.objectContaining({
        email: 'asa.b@example.com',
        competenceCode: 'HLR',
        validUntil: '2027-01-10',
      }),
      expect.objectContaining({ email: 'jorgen@example.com', validUntil: '2026-03-01', status: 'expiring' }),
    ]);
    // The report holds exactly the matrix's held cells.
    const m = await matrixOf(db, '2026-03-01');
    const held = m.rows.flatMap((r) =>
      r.cells.flatMap((c, i) =>
        c.status === 'missing' ? [] : [`${r.email} ${m.columns[i]?.code} ${c.status} ${c.validUntil}`],
      ),
    );
    expect(
      (rows as unknown as { email: string; competenceCode: string; status: string; validUntil: string }[])
        .map((r) => `${r.email} ${r.competenceCode} ${r.status} ${r.validUntil}`)
        .sort(),
    ).toEqual(held.sort());

    const out = join(tmp(), 'kompetenser.csv');
    const csv = await run(
      'report',
      'competences',
      '--as-of',
      '2026-03-01',
      '--category',
      'säk',
      '--out',
      out,
    );
    expect(csv.stderr).toBe(`Wrote 2 rows to ${out}.\n`);
    expect(readFileSync(out, 'utf8').split('\r\n')).toEqual([
      '\uFEFFEmail,First Name,Last Name,Competence Code,Competence Name,Valid From,Valid Until,Status,Source Module',
      'asa.b@example.com,Åsa,Berg,FORK-A,Truckkort A – motviktstruck,2023-09-15,2024-09-14,expired,FA-101',
      'jorgen@example.com,Jörgen,Ämtöft,FORK-A,Truckkort A – motviktstruck,2025-03-01,2026-03-01,expiring,FA-101',
      '',
    ]);

    const unmapped = await run('competences', 'unmap', 'FA-101', 'FORK-A');
    expect(unmapped.stdout).toBe('Unmapped FA-101 → FORK-A: kept the 2 grants already given.\n');
    const after = await run('report', 'competences', '--as-of', '2026-03-01', '--format', 'json');
    expect(after.stdout).toBe(json.stdout);
  });

  it('refuses a tree file with problems, listing them by row on stderr and writing nothing', async () => {
    const db = join(tmp(), 'c.db');
    await competencesDb(db);
    const r = await cli(['--db', db, 'competences', 'import', join(FIXTURES, 'tree-bad.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/row 3, Parent Code: .+/);
    expect(r.stderr).toMatch(/row 4, Default Days: .+/);
    expect(r.stderr).toContain('tree-bad.csv has 2 problems (listed above by row), so nothing was imported.');
    expect((await cli(['--db', db, 'competences', 'list'])).stdout).toContain('No competences yet');
  });

  it('names an unknown code, a bad date or format clearly', async () => {
    const db = join(tmp(), 'c.db');
    await competencesDb(db);
    await cli(['--db', db, 'competences', 'import', TREE]);
    const noModule = await cli(['--db', db, 'competences', 'map', 'NOPE-1', 'FORK-A']);
    expect(noModule.code).toBe(1);
    expect(noModule.stderr).toContain('There is no module with the code "NOPE-1"');
    const noCompetence = await cli(['--db', db, 'competences', 'unmap', 'FA-101', 'NOPE']);
    expect(noCompetence.code).toBe(1);
    expect(noCompetence.stderr).toContain('There is no competence with the code "NOPE"');
    const report = (...a: string[]) => cli(['--db', db, 'report', 'competences', ...a]);
    expect((await report('--as-of', '2026-02-30')).code).toBe(2);
    expect((await report('--format', 'xml')).code).toBe(2);
    expect((await report('--category', 'NOPE')).code).toBe(1);
    // A code typed decomposed (a + U+0308, as some keyboards send it) and in lower case still names SÄK.
    const decomposed = await report('--category', 'sa\u0308k', '--format', 'json');
    expect(decomposed.stderr).toBe('');
    expect(decomposed.stdout).toBe((await report('--category', 'SÄK', '--format', 'json')).stdout);
    expect((await report('--unit', 'NOPE')).stderr).toContain(
      'There is no unit with the code or path "NOPE"',
    );
  });
});
