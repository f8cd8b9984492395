import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/units', name);

describe('fieldbook units', () => {
  const tmp = useTmpDir();
  const init = () => initDatabase(join(tmp(), 'units.db'));

  it('imports a file with parents after children, and lists the tree', async () => {
    const db = await init();
    const dry = await cli(['--db', db, 'units', 'import', fixture('children-first.csv'), '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      'Dry run, nothing written. Would have: 4 created, 0 updated, 0 deleted, 0 unchanged.\n',
    );
    expect((await cli(['--db', db, 'units', 'list', '--json'])).stdout).toBe(
      '[{"code":null,"name":"Norrland Mining","path":"Norrland Mining","level":"Organisation","peopleCount":1,"archived":false}]\n',
    );

    const done = await cli(['--db', db, 'units', 'import', fixture('children-first.csv')]);
    expect(done).toMatchObject({
      code: 0,
      stdout: 'Imported: 4 created, 0 updated, 0 deleted, 0 unchanged.\n',
    });
    const again = await cli(['--db', db, 'units', 'import', fixture('children-first.csv'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ committed: true, counts: { created: 0, unchanged: 4 } });

    const list = await cli(['--db', db, 'units', 'list']);
    expect(list.stdout.split('\n')[0]).toMatch(/^Code\s+Name\s+Path\s+Level\s+People$/);
    expect(list.stdout).toMatch(
      /A-KIR-W\s+Workshop\s+Norrland Mining \/ Lappland \/ Kiruna \/ Workshop\s+Area\s+0/,
    );
    const json = JSON.parse((await cli(['--db', db, 'units', 'list', '--json'])).stdout) as {
      code: string;
    }[];
    expect(json.map((u) => u.code)).toEqual([null, 'R-LAP', 'S-GAL', 'S-KIR', 'A-KIR-W']);
  });

  it('exits 1 with every problem by row and column, writes nothing, and can write an error file', async () => {
    const db = await init();
    const out = join(tmp(), 'errors.csv');
    const r = await cli(['--db', db, 'units', 'import', fixture('cycle.csv'), '--errors', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('row 3, Parent Code: These units would be inside each other: A → B → C → A.');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('fieldbook: Nothing was imported: 3 problems found.');
    const json = await cli(['--db', db, 'units', 'import', fixture('unknown-parent.csv'), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      committed: false,
      errors: [{ row: 3, column: 'Parent Code' }],
    });
    const list = JSON.parse((await cli(['--db', db, 'units', 'list', '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('refuses an unreadable file in one sentence', async () => {
    const db = await init();
    const r = await cli(['--db', db, 'units', 'import', join(tmp(), 'missing.csv')]);
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^fieldbook: Cannot read the file ".*missing.csv"\.\n$/),
    });
    writeFileSync(join(tmp(), 'x.csv'), 'Code,Name\n');
    expect(
      (await cli(['--db', db, 'units', 'import', join(tmp(), 'x.csv'), '--encoding', 'latin9'])).code,
    ).toBe(2);
  });
});
