import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { copyRole, failure, ok } from '../helpers/units.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/units', name)).toString('base64');

async function setUp() {
  const f = await orgFixture();
  const as = { actorId: f.adminId };
  const validate = async (file: string, actorId = f.adminId) =>
    ok(await f.app.invoke('units.import.validate', { content: fixture(file) }, { actorId }));
  const commit = async (file: string, actorId = f.adminId) =>
    f.app.invoke('units.import.commit', { content: fixture(file) }, { actorId });
  const paths = async () => ok(await f.app.invoke('units.tree', {}, as)).units.map((u) => u.path);
  const count = () => f.app.db.prepare('SELECT count(*) FROM unit').pluck().get() as number;
  return { ...f, as, validate, commit, paths, count };
}

describe('units import', () => {
  it('accepts children before their parents, and re-importing the file changes nothing', async () => {
    const { app, validate, commit, paths, as } = await setUp();
    const dry = await validate('children-first.csv');
    expect(dry).toMatchObject({
      committed: false,
      errors: [],
      counts: { created: 4, updated: 0, unchanged: 0 },
    });
    const done = ok(await commit('children-first.csv'));
    expect(done).toMatchObject({ committed: true, counts: { created: 4 } });
    expect(await paths()).toEqual(
      expect.arrayContaining([
        'Norrland Mining / Lappland',
        'Norrland Mining / Lappland / Gällivare',
        'Norrland Mining / Lappland / Kiruna / Workshop',
      ]),
    );
    const tree = ok(await app.invoke('units.tree', {}, as)).units;
    expect(tree.find((u) => u.code === 'A-KIR-W')).toMatchObject({ level: 'Area', kind: 'other' });
    expect(tree.find((u) => u.code === 'R-LAP')).toMatchObject({ level: 'Region', kind: 'region' });
    const again = ok(await commit('children-first.csv'));
    expect(again.counts).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 4 });
  });

  it('reads a BOM, ";" separators, loose header spelling and Windows-1252', async () => {
    const { validate, commit, paths } = await setUp();
    expect(await validate('semicolon-bom.csv')).toMatchObject({
      delimiter: ';',
      errors: [],
      counts: { created: 2 },
    });
    const w = await validate('windows-1252.csv');
    expect(w).toMatchObject({ encoding: 'windows-1252', errors: [] });
    ok(await commit('windows-1252.csv'));
    expect(await paths()).toContain('Norrland Mining / Lappland / Gällivare');
  });

  it('names every unit of a cycle by row and column and writes nothing', async () => {
    const { validate, commit, count } = await setUp();
    const before = count();
    const r = await validate('cycle.csv');
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Parent Code'],
      [4, 'Parent Code'],
      [5, 'Parent Code'],
    ]);
    expect(r.errors[0]?.message).toBe('These units would be inside each other: A → B → C → A.');
    expect(r.errorCsv).toContain('Error');
    const e = failure(await commit('cycle.csv'));
    expect(e.code).toBe('invalid_input');
    expect(count()).toBe(before);
  });

  it('reports an unknown parent code', async () => {
    const { validate } = await setUp();
    expect((await validate('unknown-parent.csv')).errors).toEqual([
      {
        row: 3,
        column: 'Parent Code',
        message: 'No unit has the code "R-VST", in this file or in Fieldbook.',
      },
    ]);
  });

  it('reports problems of single rows: missing code, "/", duplicates, own parent, sibling names', async () => {
    const { validate } = await setUp();
    const r = await validate('row-problems.csv');
    expect(r.errors.map((e) => `${e.row} ${e.column}`)).toEqual([
      '3 Code',
      '4 Name',
      '5 Code',
      '6 Parent Code',
    ]);
    expect(r.errors[2]?.message).toBe('The code "R-LAP" is also on row 2.');
  });

  it('finds sibling name clashes once the rows are otherwise fine', async () => {
    const { app, as } = await setUp();
    const csv =
      'Code,Name,Parent Code,Level\nS-Z1,Zeta,R-NORR,Site\nS-Z2,zeta,R-NORR,Site\nS-Z3,Umeå,R-NORR,\n';
    const r = ok(
      await app.invoke('units.import.validate', { content: Buffer.from(csv).toString('base64') }, as),
    );
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Name', 'Norr would have more than one unit named "Zeta" (also row 3).'],
      [3, 'Name', 'Norr would have more than one unit named "zeta" (also row 2).'],
      [4, 'Name', 'Norr would have more than one unit named "Umeå" (also already in Fieldbook).'],
    ]);
  });

  it('updates units found by code, moving them under new parents', async () => {
    const { validate, commit, paths } = await setUp();
    expect((await validate('move-existing.csv')).counts).toMatchObject({ created: 2, updated: 1 });
    ok(await commit('move-existing.csv'));
    expect(await paths()).toContain('Norrland Mining / Lappland / Umeå');
    expect(await paths()).not.toContain('Norrland Mining / Norr / Umeå');
  });

  it("keeps a Regional Manager's import within their region", async () => {
    const { app, u } = await setUp();
    const role = copyRole(app, 'regional-manager', ['units.manage']);
    const regional = addPerson(app, { email: 'reg@example.com', unitId: u('norr'), roleId: role });
    const csv = (rows: string) => Buffer.from(`Code,Name,Parent Code,Level\n${rows}`).toString('base64');
    const inside = await app.invoke(
      'units.import.commit',
      { content: csv('S-PIT,Piteå,R-NORR,Site\nS-UME,Umeå City,R-NORR,Site\n') },
      { actorId: regional },
    );
    expect(ok(inside).counts).toMatchObject({ created: 1, updated: 1 });
    const outside = ok(
      await app.invoke(
        'units.import.validate',
        { content: csv('S-NEW,New,,Site\nS-MMA,Malmö,R-NORR,Site\nS-LLA,Luleå,R-SYD,Site\n') },
        { actorId: regional },
      ),
    );
    expect(outside.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Parent Code'],
      [3, 'Code'],
      [4, 'Parent Code'],
    ]);
  });

  it('refuses a file without the required columns, by column', async () => {
    const { app, as } = await setUp();
    const r = ok(
      await app.invoke(
        'units.import.validate',
        { content: Buffer.from('Name,Level\nX,Y\n').toString('base64') },
        as,
      ),
    );
    expect(r.errors).toEqual([{ row: 1, column: 'Code', message: 'The column "Code" is missing.' }]);
  });
});
