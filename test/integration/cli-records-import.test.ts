import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

describe('fieldbook records import / export / template / imports / undo-import', () => {
  const tmp = useTmpDir();

  /** Norrland Mining (asa@example.com administers) with Ulla and Örjan at the organisation. */
  async function database() {
    const db = join(tmp(), 'records.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const root = orgRepo(app.db).organisation()?.id ?? '';
      const now = new Date().toISOString();
      for (const [id, email, firstName, lastName] of [
        ['p-ulla', 'ulla@example.com', 'Ulla', 'Umeå'],
        ['p-orjan', 'orjan@example.com', 'Örjan', 'Östlund'],
      ] as const)
        peopleRepo(app.db).insert({ id, email, firstName, lastName, unitId: root, passwordHash: null, now });
    } finally {
      app.close();
    }
    return db;
  }
  const file = (name: string, lines: string[]) => {
    const path = join(tmp(), name);
    writeFileSync(path, '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n', 'utf8');
    return path;
  };
  const count = (db: string) => {
    const app = createApp({ db: openDatabase(db) });
    try {
      return app.db.prepare('SELECT count(*) FROM training_record').pluck().get() as number;
    } finally {
      app.close();
    }
  };

  it('imports after a clean check, lists it, exports it back unchanged, and undoes it', async () => {
    const db = await database();
    const csv = file('records.csv', [
      ',ulla@example.com,Certificate,,Första hjälpen,Röda Korset,2025-06-01,,,',
      ',ORJAN@example.com,External Course,,"Heta arbeten, del 1",Brandskyddsföreningen,13/05/2025,,,',
    ]);
    const dry = await cli(['--db', db, 'records', 'import', csv, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('Dry run, nothing written. 2 rows read; would have: 2 created, 0 updated');
    expect(count(db)).toBe(0);

    const done = await cli(['--db', db, 'records', 'import', csv]);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toBe(
      [
        'Imported 2 rows: 2 created, 0 updated, 0 deleted, 0 unchanged.',
        'Changes:',
        '  row 2: create Första hjälpen (Ulla Umeå), completed 2025-06-01',
        '  row 3: create Heta arbeten, del 1 (Örjan Östlund), completed 2025-05-13',
        '',
      ].join('\n'),
    );
    expect(count(db)).toBe(2);

    const out = join(tmp(), 'export.csv');
    const exp = await cli(['--db', db, 'records', 'export', '--out', out]);
    expect(exp).toMatchObject({ code: 0, stdout: `Wrote 2 records to ${out}.\n` });
    const exported = readFileSync(out, 'utf8');
    expect(exported.startsWith('\uFEFFRecord Id,Name,')).toBe(true);
    expect(exported).toContain('"Heta arbeten, del 1"');
    const again = await cli(['--db', db, '--json', 'records', 'import', out, '--dry-run']);
    expect(JSON.parse(again.stdout)).toMatchObject({
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 2 },
      errors: [],
    });
    const one = await cli(['--db', db, 'records', 'export', '--person', 'orjan@example.com']);
    expect(one.stdout.trim().split('\r\n')).toHaveLength(2);

    const history = await cli(['--db', db, '--json', 'records', 'imports']);
    const rows = JSON.parse(history.stdout) as { id: string; fileName: string; actorName: string }[];
    expect(rows).toMatchObject([{ fileName: 'records.csv', actorName: 'Åsa Öberg' }]);
    const table = await cli(['--db', db, 'records', 'imports']);
    expect(table.stdout).toMatch(/records\.csv\s+2\/0\/0\/0/);

    const undo = await cli(['--db', db, 'records', 'undo-import', rows[0]?.id ?? '']);
    expect(undo).toMatchObject({ code: 0, stdout: 'Undone: removed 2, restored 0, brought back 0.\n' });
    expect(count(db)).toBe(0);
    const twice = await cli(['--db', db, 'records', 'undo-import', rows[0]?.id ?? '']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already undone');
  });

  it('writes nothing and exits 1 when a row has a problem, naming it and writing the error file', async () => {
    const db = await database();
    const csv = file('bad.csv', [
      ',ulla@example.com,Certificate,,Första hjälpen,Röda Korset,2025-06-01,,,',
      ',nobody@example.com,Certificate,,Fire safety,Röda Korset,03/04/2025,,,',
    ]);
    const errors = join(tmp(), 'bad - errors.csv');
    const res = await cli(['--db', db, 'records', 'import', csv, '--errors', errors]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^Nothing was imported: 2 problems in 1 row\./);
    expect(res.stdout).toContain('  row 3, Name: ');
    expect(res.stdout).toContain('  row 3, Completion Date: 03/04/2025 could be');
    expect(res.stderr).toContain('nothing was imported');
    expect(count(db)).toBe(0);
    const ef = readFileSync(errors, 'utf8');
    expect(ef.split('\r\n')[0]).toBe(`\uFEFF${HEADER},Error`);

    // The file's date order fixes one problem; --valid-only leaves the other row out, on purpose.
    const dmy = await cli([
      '--db',
      db,
      '--json',
      'records',
      'import',
      csv,
      '--date-order',
      'dmy',
      '--valid-only',
    ]);
    expect(dmy.code).toBe(0);
    expect(JSON.parse(dmy.stdout)).toMatchObject({ committed: true, validOnly: true, skipped: 1 });
    expect(count(db)).toBe(1);
    const usage = await cli(['--db', db, 'records', 'import', csv, '--date-order', 'yes']);
    expect(usage.code).toBe(2);
  });

  it('writes the template', async () => {
    const db = await database();
    const res = await cli(['--db', db, 'records', 'template']);
    expect(res.code).toBe(0);
    expect(res.stdout.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
    expect(res.stdout).toContain('Example row: delete it before importing');
  });
});
