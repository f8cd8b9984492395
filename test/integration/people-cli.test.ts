import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { PEOPLE_HEADER, peopleFixture } from '../helpers/people.js';
import { useTmpDir } from '../helpers/tmp.js';

describe('fieldbook people', () => {
  const tmp = useTmpDir();

  /** A database with an organisation, its administrator and two sites, as `init` and `units import` would leave it. */
  async function database() {
    const db = join(tmp(), 'people.db');
    await initDatabase(db);
    const raw = openDatabase(db);
    const org = orgRepo(raw);
    const root = org.organisation()?.id ?? '';
    const now = new Date().toISOString();
    org.insertUnit({ id: 'u-norr', parentId: root, kind: 'region', name: 'Norr', code: 'R-NORR', now });
    org.insertUnit({ id: 'u-ume', parentId: 'u-norr', kind: 'site', name: 'Umeå', code: 'S-UME', now });
    org.insertUnit({ id: 'u-lla', parentId: 'u-norr', kind: 'site', name: 'Luleå', code: 'S-LLA', now });
    raw.close();
    return db;
  }
  const count = (db: string, sql = 'SELECT count(*) FROM person') => {
    const d = new Database(db, { readonly: true });
    const n = d.prepare(sql).pluck().get() as number;
    d.close();
    return n;
  };
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(tmp(), name);
    writeFileSync(path, bytes);
    return path;
  };

  it('imports a spreadsheet file: a dry run first, then for real, then unchanged', async () => {
    const db = await database();
    const csv = file('hr.csv', peopleFixture('spreadsheet-bom-semicolon.csv'));
    const before = count(db);
    const dry = await cli(['--db', db, 'people', 'import', csv, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      'Dry run, nothing written. Would have: 4 created, 0 updated, 0 deactivated, 0 deleted, 0 unchanged.\n' +
        'Would create departments: Mining, Safety.\n' +
        'Would create job titles: Site Manager, Driller, Safety Officer.\n',
    );
    expect(count(db)).toBe(before);

    const real = await cli(['--db', db, 'people', 'import', csv]);
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(real.stdout).toMatch(/^Imported: 4 created, 0 updated, 0 deactivated, 0 deleted, 0 unchanged\.\n/);
    expect(count(db)).toBe(before + 4);

    const json = await cli(['--db', db, '--json', 'people', 'import', csv]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      committed: true,
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 4, deactivated: 0 },
      errors: [],
      newDepartments: [],
      newJobTitles: [],
      encoding: 'utf-8',
      delimiter: ';',
    });
  });

  it('exits 1 with every problem by row and column, writes the error file, and writes nothing else', async () => {
    const db = await database();
    const csv = file('bad.csv', peopleFixture('duplicate-emails.csv'));
    const errors = join(tmp(), 'errors.csv');
    const before = { people: count(db), audit: count(db, 'SELECT count(*) FROM audit_log') };
    const r = await cli(['--db', db, 'people', 'import', csv, '--errors', errors]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Nothing was imported: 2 problems found.\n' +
        '  row 4, Email: anna@example.com is also on row 2: each person once.\n' +
        '  row 5, Employee Number: Employee number E-2 is also on row 3.\n',
    );
    expect(r.stderr).toBe(
      `fieldbook: The file has 2 problems, so nothing was imported; ${errors} lists them beside each row.\n`,
    );
    expect(readFileSync(errors, 'utf8').split('\r\n')[0]).toBe(`\uFEFF${PEOPLE_HEADER},Error`);
    expect({ people: count(db), audit: count(db, 'SELECT count(*) FROM audit_log') }).toEqual(before);

    const json = await cli(['--db', db, '--json', 'people', 'import', csv]);
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({ committed: false, counts: { created: 2 } });
    expect(summary.errors).toEqual([
      { row: 4, column: 'Email', message: 'anna@example.com is also on row 2: each person once.' },
      { row: 5, column: 'Employee Number', message: 'Employee number E-2 is also on row 3.' },
    ]);
    expect(summary).not.toHaveProperty('errorCsv');
  });

  it('answers usage mistakes with exit 2', async () => {
    const db = await database();
    const csv = file('ok.csv', peopleFixture('windows-1252-swedish.csv'));
    expect((await cli(['--db', db, 'people', 'import', csv, '--encoding', 'ebcdic'])).code).toBe(2);
    expect((await cli(['--db', db, 'people', 'import', join(tmp(), 'missing.csv')])).code).toBe(2);
    expect((await cli(['--db', db, 'people', 'list', '--status', 'gone'])).code).toBe(2);
    const forced = await cli([
      '--db',
      db,
      'people',
      'import',
      csv,
      '--encoding',
      'windows-1252',
      '--dry-run',
    ]);
    expect(forced).toMatchObject({ code: 0 });
  });

  it('lists and exports with the same scope as the app, acting --as someone', async () => {
    const db = await database();
    await cli([
      '--db',
      db,
      'people',
      'import',
      file('hr.csv', peopleFixture('spreadsheet-bom-semicolon.csv')),
    ]);
    const list = await cli(['--db', db, '--json', 'people', 'list', '--unit', 'S-UME']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((r: { email: string }) => r.email)).toEqual([
      'nils.berg@example.com',
      'karin.lund@example.com',
    ]);
    const human = await cli([
      '--db',
      db,
      'people',
      'list',
      '--unit',
      'Norrland Mining / Norr / Luleå',
      '--status',
      'all',
    ]);
    expect(human.stdout).toBe(
      'Sjö, Olle\tolle.sjo@example.com\tE-103\tNorrland Mining / Norr / Luleå\tleft\n' +
        'Ström, Eva\teva.strom@example.com\t\tNorrland Mining / Norr / Luleå\tactive\n',
    );
    expect((await cli(['--db', db, 'people', 'list', '--unit', 'S-NOPE'])).code).toBe(1);

    const out = join(tmp(), 'export.csv');
    const exp = await cli(['--db', db, 'people', 'export', '--out', out]);
    expect(exp).toMatchObject({ code: 0, stdout: `Wrote ${out}.\n` });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(
      '\r\nkarin.lund@example.com,Karin,Lund,E-100,Norrland Mining / Norr / Umeå,Mining,Site Manager,,active\r\n',
    );
    const stdout = await cli(['--db', db, 'people', 'export', '--unit', 'S-LLA']);
    expect(stdout.stdout.trim().split('\r\n')).toHaveLength(3);
    // The exported file re-imports with nothing to change.
    const again = await cli(['--db', db, '--json', 'people', 'import', out]);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });

    // Karin has no role that may import or see others: the same checks as in the app.
    const asKarin = await cli(['--db', db, '--as', 'karin.lund@example.com', 'people', 'import', out]);
    expect(asKarin).toMatchObject({ code: 1, stderr: 'fieldbook: You do not have permission to do that.\n' });
    expect(existsSync(out)).toBe(true);
  });
});
