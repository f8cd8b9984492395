import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/api/contract.js';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/catalog', name));

describe('fieldbook assignments import and export', () => {
  const tmp = useTmpDir();

  /**
   * Norrland Mining with sites Umeå and Öja, Lars at Umeå, the static group
   * "Åsa Öbergs skiftlag", two published events (FS-101, EV-2) and a draft (DRAFT-1).
   */
  async function database() {
    const db = join(tmp(), 'assignments.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const org = orgRepo(app.db);
      const root = org.organisation()?.id ?? '';
      const actorId = org.firstAdministratorId() ?? '';
      const now = new Date().toISOString();
      org.insertUnit({ id: 'u-ume', parentId: root, kind: 'site', name: 'Umeå', code: 'S-UME', now });
      org.insertUnit({ id: 'u-oja', parentId: root, kind: 'site', name: 'Öja', code: 'S-OJA', now });
      peopleRepo(app.db).insert({
        id: 'p-lars',
        email: 'lars@example.com',
        firstName: 'Lars',
        lastName: 'Nilsson',
        unitId: 'u-ume',
        passwordHash: null,
        now,
      });
      const ok = async (call: CallName, input: unknown) => {
        const res = await app.invoke(call, input as never, { actorId });
        if (!res.ok) throw new Error(`${call}: ${res.error.message}`);
        return res.value as { id: string };
      };
      await ok('groups.create', {
        kind: 'static',
        name: 'Åsa Öbergs skiftlag',
        ownerUnitId: root,
        memberIds: ['p-lars'],
      });
      for (const [code, title, months] of [
        ['FS-101', 'Fire Safety', 12],
        ['EV-2', 'Evacuation drill', null],
      ] as const) {
        const m = await ok('modules.create', {
          code,
          title,
          kind: 'event',
          ownerUnitId: root,
          defaultValidityMonths: months,
        });
        await ok('modules.publish', { id: m.id });
      }
      await ok('modules.create', { code: 'DRAFT-1', title: 'Not ready', kind: 'course', ownerUnitId: root });
    } finally {
      app.close();
    }
    return db;
  }
  const query = (db: string, sql: string) => {
    const d = new Database(db, { readonly: true });
    const rows = d.prepare(sql).all();
    d.close();
    return rows;
  };
  const ITEMS = `SELECT c.name, c.target_type AS type, m.code, i.requirement AS req, i.validity_months AS months,
      coalesce(i.due_date, i.due_days) AS due
    FROM training_configuration c JOIN configuration_item i ON i.configuration_id = c.id AND i.valid_to IS NULL
    JOIN module m ON m.id = i.module_id ORDER BY c.name, m.code`;
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(tmp(), name);
    writeFileSync(path, bytes);
    return path;
  };

  it('imports a Windows-1252 semicolon file into one configuration per target, after a dry run', async () => {
    const db = await database();
    const csv = file('plan.csv', fixture('assignments-windows-1252.csv'));
    const dry = await cli(['--db', db, 'assignments', 'import', csv, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      'Dry run, nothing written. Would have: 5 created, 0 updated, 0 deleted, 0 unchanged.\n',
    );
    expect(query(db, 'SELECT count(*) AS n FROM training_configuration')).toEqual([{ n: 0 }]);
    expect(query(db, "SELECT count(*) AS n FROM audit_log WHERE call LIKE 'assignments.%'")).toEqual([
      { n: 0 },
    ]);

    const real = await cli(['--db', db, 'assignments', 'import', csv]);
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(real.stdout).toBe('Imported: 5 created, 0 updated, 0 deleted, 0 unchanged.\n');
    expect(query(db, ITEMS)).toEqual([
      {
        name: 'Lars Nilsson (imported)',
        type: 'person',
        code: 'EV-2',
        req: 'optional',
        months: 6,
        due: null,
      },
      {
        name: 'Lars Nilsson (imported)',
        type: 'person',
        code: 'FS-101',
        req: 'required',
        months: null,
        due: null,
      },
      {
        name: 'Umeå (imported)',
        type: 'unit',
        code: 'FS-101',
        req: 'required',
        months: 24,
        due: '2027-01-31',
      },
      {
        name: 'Åsa Öbergs skiftlag (imported)',
        type: 'group',
        code: 'EV-2',
        req: 'hidden',
        months: null,
        due: 30,
      },
      { name: 'Öja (imported)', type: 'unit', code: 'FS-101', req: 'optional', months: null, due: null },
    ]);
  });

  it('exports a file that re-imports with no changes, and merges a changed row into its configuration', async () => {
    const db = await database();
    await cli([
      '--db',
      db,
      'assignments',
      'import',
      file('plan.csv', fixture('assignments-windows-1252.csv')),
    ]);
    const out = join(tmp(), 'export.csv');
    expect(await cli(['--db', db, 'assignments', 'export', '--out', out])).toMatchObject({ code: 0 });
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(
      '\uFEFFTarget Type,Target,Module Code,Status,Validity Months,Due Date\r\n' +
        'group,Åsa Öbergs skiftlag,EV-2,Hidden,,30 days after joining\r\n' +
        'person,lars@example.com,EV-2,Optional,6,\r\n' +
        'person,lars@example.com,FS-101,Required,,\r\n' +
        'unit,S-OJA,FS-101,Optional,,\r\n' +
        'unit,S-UME,FS-101,Required,24,2027-01-31\r\n',
    );
    const again = await cli(['--db', db, '--json', 'assignments', 'import', out]);
    expect(JSON.parse(again.stdout)).toEqual({
      committed: true,
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 5 },
      errors: [],
    });
    const configs = query(db, 'SELECT count(*) AS n FROM training_configuration');

    // One row changed, one module added: the target's configuration changes, no new one appears.
    const edited = file(
      'edited.csv',
      'Target Type;Target;Module Code;Status;Validity Months;Due Date\r\n' +
        'unit;Norrland Mining / Öja;FS-101;Required;;\r\n' +
        'unit;s-oja;EV-2;Optional;;\r\n',
    );
    const res = await cli(['--db', db, '--json', 'assignments', 'import', edited]);
    expect(JSON.parse(res.stdout)).toEqual({
      committed: true,
      counts: { created: 1, updated: 1, deleted: 0, unchanged: 0 },
      errors: [],
    });
    expect(query(db, 'SELECT count(*) AS n FROM training_configuration')).toEqual(configs);
    expect(query(db, ITEMS).filter((r) => (r as { name: string }).name === 'Öja (imported)')).toEqual([
      { name: 'Öja (imported)', type: 'unit', code: 'EV-2', req: 'optional', months: null, due: null },
      { name: 'Öja (imported)', type: 'unit', code: 'FS-101', req: 'required', months: null, due: null },
    ]);
  });

  it('names every bad row among good ones and writes nothing', async () => {
    const db = await database();
    const errorsOut = join(tmp(), 'errors.csv');
    const bad = file('bad.csv', fixture('assignments-bad-row.csv'));
    const res = await cli(['--db', db, '--json', 'assignments', 'import', bad, '--errors', errorsOut]);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual({
      committed: false,
      counts: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
      errors: [
        { row: 3, column: 'Target Type', message: '"team" is not person, group or unit.' },
        { row: 4, column: 'Target', message: 'There is no group named "Nobody\'s group".' },
        { row: 5, column: 'Module Code', message: 'There is no module with the code NOPE-1.' },
        { row: 5, column: 'Status', message: '"Must" is not Required, Optional or Hidden.' },
        {
          row: 5,
          column: 'Validity Months',
          message: "Use between 1 and 600 months, or leave it blank for the module's default.",
        },
        {
          row: 5,
          column: 'Due Date',
          message:
            '"31/01/2027" is not a date: write YYYY-MM-DD, "N days after joining", or leave it blank for no due date.',
        },
        {
          row: 6,
          column: 'Module Code',
          message: 'Not ready is not published yet: only published modules can be assigned.',
        },
      ],
    });
    expect(res.stderr).toMatch(/^fieldbook: The file has 7 problems, so nothing was imported; /);
    expect(query(db, 'SELECT count(*) AS n FROM training_configuration')).toEqual([{ n: 0 }]);
    expect(readFileSync(errorsOut, 'utf8').split('\r\n')[1]).toBe('unit,S-OJA,FS-101,Required,,,');
  });

  it('leaves targets outside the importer’s scope alone', async () => {
    const db = await database();
    const raw = openDatabase(db);
    orgRepo(raw).grant({ id: 'g-lars', personId: 'p-lars', roleId: 'manager', unitId: 'u-ume' });
    raw.close();
    const csv = file(
      'scope.csv',
      'Target Type,Target,Module Code,Status\r\nunit,S-UME,FS-101,Required\r\nunit,S-OJA,FS-101,Required\r\n',
    );
    const res = await cli(['--db', db, '--as', 'lars@example.com', '--json', 'assignments', 'import', csv]);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).errors).toEqual([
      {
        row: 3,
        column: 'Target',
        message: expect.stringContaining('Öja is outside the scope of Manager at Umeå'),
      },
    ]);
    expect(query(db, 'SELECT count(*) AS n FROM training_configuration')).toEqual([{ n: 0 }]);
  });
});
