import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/catalog', name));

describe('fieldbook modules import and export', () => {
  const tmp = useTmpDir();

  /** Norrland Mining as `init` leaves it, plus a site Umeå and its manager Lars (catalog.manage there only). */
  async function database() {
    const db = join(tmp(), 'modules.db');
    await initDatabase(db);
    const raw = openDatabase(db);
    const org = orgRepo(raw);
    const now = new Date().toISOString();
    org.insertUnit({
      id: 'u-ume',
      parentId: org.organisation()?.id ?? '',
      kind: 'site',
      name: 'Umeå',
      code: 'S-UME',
      now,
    });
    peopleRepo(raw).insert({
      id: 'p-lars',
      email: 'lars@example.com',
      firstName: 'Lars',
      lastName: 'Nilsson',
      unitId: 'u-ume',
      passwordHash: null,
      now,
    });
    org.grant({ id: 'g-lars', personId: 'p-lars', roleId: 'manager', unitId: 'u-ume' });
    raw.close();
    return db;
  }
  const query = (db: string, sql: string) => {
    const d = new Database(db, { readonly: true });
    const rows = d.prepare(sql).all();
    d.close();
    return rows;
  };
  const moduleCount = (db: string) => (query(db, 'SELECT count(*) AS n FROM module')[0] as { n: number }).n;
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(tmp(), name);
    writeFileSync(path, bytes);
    return path;
  };

  it('imports a semicolon file with a BOM, odd headers and empty trailing columns: dry run first', async () => {
    const db = await database();
    const csv = file('catalog.csv', fixture('modules-bom-semicolon.csv'));
    const dry = await cli(['--db', db, 'modules', 'import', csv, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      'Dry run, nothing written. Would have: 4 created, 0 updated, 0 deleted, 0 unchanged.\n',
    );
    expect(moduleCount(db)).toBe(0);
    expect(query(db, "SELECT count(*) AS n FROM audit_log WHERE call LIKE 'modules.%'")).toEqual([{ n: 0 }]);

    const real = await cli(['--db', db, 'modules', 'import', csv]);
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(real.stdout).toBe('Imported: 4 created, 0 updated, 0 deleted, 0 unchanged.\n');
    expect(
      query(
        db,
        `SELECT code, title, kind, status, default_validity_months AS months, training_record AS record,
           (SELECT kind FROM unit WHERE id = owner_unit_id) AS owner
         FROM module ORDER BY code`,
      ),
    ).toEqual([
      {
        code: 'FH-Q',
        title: 'Food Hygiene; the quiz',
        kind: 'quiz',
        status: 'draft',
        months: null,
        record: 0,
        owner: 'organisation',
      },
      {
        code: 'FL-EXT',
        title: 'Forklift licence',
        kind: 'external',
        status: 'draft',
        months: 60,
        record: 1,
        owner: 'organisation',
      },
      {
        code: 'FS-101',
        title: "Fire Safety: Åsa Öberg's site",
        kind: 'course',
        status: 'draft',
        months: 12,
        record: 1,
        owner: 'organisation',
      },
      {
        code: 'LP-1',
        title: 'Induction path',
        kind: 'learning_path',
        status: 'draft',
        months: 24,
        record: 1,
        owner: 'organisation',
      },
    ]);
    // The same service as modules.create: one audit entry per module, and one for the import.
    expect(
      query(db, "SELECT summary FROM audit_log WHERE call = 'modules.import.commit' ORDER BY rowid"),
    ).toEqual([
      { summary: expect.stringContaining('Created course FS-101') },
      { summary: expect.stringContaining('Created quiz FH-Q') },
      { summary: expect.stringContaining('Created learning path LP-1') },
      { summary: expect.stringContaining('Created external FL-EXT') },
      { summary: 'Imported modules from catalog.csv: 4 created, 0 updated, 0 unchanged' },
    ]);
  });

  it('exports a file that re-imports with no changes, and updates what a user edits', async () => {
    const db = await database();
    await cli(['--db', db, 'modules', 'import', file('catalog.csv', fixture('modules-bom-semicolon.csv'))]);
    const out = join(tmp(), 'export.csv');
    const exported = await cli(['--db', db, 'modules', 'export', '--out', out]);
    expect(exported).toMatchObject({ code: 0, stdout: `Wrote ${out}.\n` });
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(
      '\uFEFFCode,Title,Type,Default Validity Months,Training Record\r\n' +
        'FH-Q,"Food Hygiene; the quiz",quiz,,no\r\n' +
        'FL-EXT,Forklift licence,external,60,yes\r\n' +
        "FS-101,Fire Safety: Åsa Öberg's site,course,12,yes\r\n" +
        'LP-1,Induction path,learning-path,24,yes\r\n',
    );
    const again = await cli(['--db', db, '--json', 'modules', 'import', out]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      committed: true,
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 4 },
      errors: [],
    });

    const edited = file(
      'edited.csv',
      text
        .replace("Fire Safety: Åsa Öberg's site,course,12,yes", 'Fire Safety,course,,no')
        .replace('LP-1,Induction path,learning-path,24,yes', 'LP-2,Second path,learning path,,'),
    );
    const res = await cli(['--db', db, '--json', 'modules', 'import', edited]);
    expect(JSON.parse(res.stdout)).toMatchObject({
      committed: true,
      counts: { created: 1, updated: 1, deleted: 0, unchanged: 2 },
    });
    expect(
      query(
        db,
        "SELECT title, default_validity_months AS m, training_record AS r FROM module WHERE code = 'FS-101'",
      ),
    ).toEqual([{ title: 'Fire Safety', m: null, r: 0 }]);
  });

  it('names every bad row, writes nothing, and writes the error file on request', async () => {
    const db = await database();
    const errors = join(tmp(), 'errors.csv');
    const res = await cli([
      '--db',
      db,
      '--json',
      'modules',
      'import',
      file('bad.csv', fixture('modules-bad-row.csv')),
      '--errors',
      errors,
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `fieldbook: The file has 4 problems, so nothing was imported; ${errors} lists them beside each row.\n`,
    );
    expect(JSON.parse(res.stdout)).toEqual({
      committed: false,
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
      errors: [
        {
          row: 3,
          column: 'Type',
          message: '"webinar" is not a type: use course, quiz, event, learning-path or external.',
        },
        {
          row: 4,
          column: 'Default Validity Months',
          message: '"twelve" is not a whole number of months: leave it blank for never.',
        },
        { row: 4, column: 'Training Record', message: '"maybe" is not yes or no (blank means yes).' },
        { row: 5, column: 'Code', message: 'good-1 is also on row 2: each module once.' },
      ],
    });
    expect(moduleCount(db)).toBe(0);
    const lines = readFileSync(errors, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFCode,Title,Type,Default Validity Months,Training Record,Error');
    expect(lines[3]).toMatch(/^BAD-2,Twelve,course,twelve,maybe,"?Default Validity Months: "/);

    const human = await cli([
      '--db',
      db,
      'modules',
      'import',
      file('bad.csv', fixture('modules-bad-row.csv')),
    ]);
    expect(human.stdout).toContain(
      'Nothing was imported: 4 problems found.\n  row 3, Type: "webinar" is not a type',
    );
  });

  it('refuses to change a module’s type, and keeps new modules within the importer’s scope', async () => {
    const db = await database();
    await cli(['--db', db, 'modules', 'import', file('catalog.csv', fixture('modules-bom-semicolon.csv'))]);
    const retype = file(
      'retype.csv',
      'Code,Title,Type\r\nFH-Q,Food Hygiene quiz,course\r\nNEW-1,New,event\r\n',
    );
    const r = await cli(['--db', db, '--json', 'modules', 'import', retype]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      {
        row: 2,
        column: 'Type',
        message: "FH-Q is a quiz, not a course: an import cannot change a module's type.",
      },
    ]);
    expect(moduleCount(db)).toBe(4);

    const site = file(
      'site.csv',
      'Code,Title,Type\r\nUME-1,Umeå induction,course\r\nFS-101,Fire Safety,course\r\n',
    );
    const asLars = await cli(['--db', db, '--as', 'lars@example.com', '--json', 'modules', 'import', site]);
    expect(asLars.code).toBe(1);
    expect(JSON.parse(asLars.stdout).errors).toEqual([
      {
        row: 2,
        column: 'Code',
        message: 'You cannot add modules for the whole organisation: choose an owner unit within your scope.',
      },
      {
        row: 3,
        column: 'Code',
        message: expect.stringContaining('but Norrland Mining is outside the scope of Manager at Umeå'),
      },
    ]);
    const own = file('own.csv', 'Code,Title,Type\r\nUME-1,Umeå induction,course\r\n');
    const withUnit = await cli([
      '--db',
      db,
      '--as',
      'lars@example.com',
      'modules',
      'import',
      own,
      '--unit',
      'S-UME',
    ]);
    expect(withUnit).toMatchObject({
      code: 0,
      stdout: 'Imported: 1 created, 0 updated, 0 deleted, 0 unchanged.\n',
    });
    expect(query(db, "SELECT owner_unit_id AS o FROM module WHERE code = 'UME-1'")).toEqual([{ o: 'u-ume' }]);
    const noUnit = await cli(['--db', db, 'modules', 'import', own, '--unit', 'Nowhere']);
    expect(noUnit.code).toBe(2);
  });
});
