import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/csv/read-table.js';
import { openTable, readRows, type OpenedTable, type StreamRow } from '../../src-main/csv/stream-table.js';

const COLUMNS = [
  'Record Id',
  'Name',
  'Record Type',
  'Object Id',
  'Title',
  'Training Provider',
  'Completion Date',
  'Other Information',
  'Qualification Code',
  'Delete?',
].map((name) => ({ name, required: true }));
const SPEC = { columns: COLUMNS, ignore: ['Email', 'First Name', 'Last Name', 'Error'] };
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/records', name));
const bytes = (s: string) => new TextEncoder().encode(s);

/** Every row, read `size` rows at a time. */
function readAll(t: OpenedTable, size = Infinity): StreamRow[] {
  const rows: StreamRow[] = [];
  let cursor = t.start;
  for (let calls = 0; calls < 10_000; calls++) {
    const { next, done } = readRows(t, cursor, size, (r) => rows.push(r));
    cursor = next;
    if (done) return rows;
  }
  throw new Error('readRows never finished');
}

const GOOD_ROWS = [
  [2, 'asa.oberg@example.com', 'Course', 'FIRE-101', '', '2025-04-03'],
  [3, 'jorgen.amtoft@example.com', 'Quiz', 'FORK-Q', 'Forklift quiz', '2025-05-12'],
  [4, 'asa.oberg@example.com', 'External Course', '', 'Första hjälpen', '2025-01-20'],
  [5, 'JORGEN.AMTOFT@EXAMPLE.COM', 'certificate', '', 'Heta arbeten', '2024-11-05'],
];
const summary = (rows: StreamRow[]) =>
  rows.map((r) => [
    r.row,
    r.values.Name,
    r.values['Record Type'],
    r.values['Object Id'],
    r.values.Title,
    r.values['Completion Date'],
  ]);

describe('opening a records file', () => {
  it.each([
    ['records-utf8-bom.csv', 'utf-8', true, ','],
    ['records-utf8.csv', 'utf-8', false, ','],
    ['records-utf16le.csv', 'utf-16le', true, '\t'],
    ['records-utf16be.csv', 'utf-16be', true, ','],
    ['records-1252-semicolon.csv', 'windows-1252', false, ';'],
    ['records-tab.tsv', 'utf-8', false, '\t'],
  ])('%s: %s, BOM %s, separator %j', (name, encoding, bom, delimiter) => {
    const t = openTable(fixture(name), SPEC);
    expect(t).toMatchObject({ encoding, bom, delimiter, fileErrors: [], start: { row: 2 } });
    expect(t.header).toEqual(COLUMNS.map((c) => c.name));
    expect(t.columns).toEqual(COLUMNS.map((c) => c.name));
    const rows = readAll(t);
    expect(summary(rows)).toEqual(GOOD_ROWS);
    expect(rows[2]?.values['Other Information']).toBe('Kostnad 1 200 € – it’s paid');
    expect(rows[3]?.values['Other Information']).toBe('Zoë signed it');
    expect(rows.every((r) => r.problems.length === 0 && r.cells.length === 10)).toBe(true);
  });

  it('reads quoted separators, quotes and newlines, and skips what Excel leaves at the end', () => {
    const t = openTable(fixture('records-crlf-quoted.csv'), SPEC);
    expect(t.fileErrors).toEqual([]);
    expect(t.header).toHaveLength(10);
    const rows = readAll(t);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]?.values).toMatchObject({
      Title: 'Fire safety, part 1',
      'Training Provider': 'Brand & Co, Umeå',
      'Other Information': 'Said "well done"\nSecond line, with a comma',
    });
    expect(rows[1]?.values).toMatchObject({
      'Other Information': 'Line one\n\nLine three after a blank line',
      'Delete?': '0',
    });
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('gives the same rows, numbers and cells as readTable', () => {
    for (const name of [
      'records-crlf-quoted.csv',
      'records-bad-rows.csv',
      'records-dates.csv',
      'records-utf16le.csv',
    ]) {
      const whole = readTable(fixture(name), SPEC);
      const rows = readAll(openTable(fixture(name), SPEC));
      expect(rows.map((r) => ({ row: r.row, cells: r.cells, values: r.values }))).toEqual(whole.rows);
    }
  });

  it('maps the header like readTable: case, spaces and BOM ignored, extra export columns ignored', () => {
    const t = openTable(
      bytes(
        '\uFEFFrecord id;NAME;record  type;Object Id;Title;Training Provider;Completion Date;Other Information;Qualification Code;Delete?;Email;Error\n;a;Course;;T;P;2025-01-01;;;;a@x;old\n',
      ),
      SPEC,
    );
    expect(t.fileErrors).toEqual([]);
    expect(t.columns.slice(9)).toEqual(['Delete?', null, null]);
    expect(readAll(t)[0]?.values).toMatchObject({ 'Record Id': '', Name: 'a', 'Record Type': 'Course' });
  });

  it('reports unknown, missing and duplicate columns, and then reads no row', () => {
    const t = openTable(bytes('Name,Nmae,Name,Title\nx,y,z,w\n'), SPEC);
    const messages = t.fileErrors.map((e) => e.message);
    expect(messages).toContain('The column "Name" appears more than once.');
    expect(
      messages.some((m) => m.startsWith('Unknown column "Nmae". The columns are: Record Id, Name')),
    ).toBe(true);
    expect(messages).toContain('The column "Record Id" is missing.');
    const seen: StreamRow[] = [];
    expect(readRows(t, t.start, 10, (r) => seen.push(r)).done).toBe(true);
    expect(seen).toEqual([]);
  });

  it('refuses an empty file and bytes that are not the forced encoding', () => {
    expect(openTable(bytes(''), SPEC).fileErrors).toEqual([
      { row: 1, column: '', message: 'The file is empty: it has no header row.' },
    ]);
    expect(openTable(bytes('\r\n\r\n'), SPEC).fileErrors[0]?.message).toMatch(/empty/);
    const bad = openTable(fixture('records-1252-semicolon.csv'), { ...SPEC, encoding: 'utf-8' });
    expect(bad.fileErrors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringMatching(/not valid UTF-8/) }),
    ]);
  });

  it('reports quote problems and values without a header on their row', () => {
    const head = COLUMNS.map((c) => c.name).join(',');
    const t = openTable(
      bytes(`${head}\n,b,Course,,T,P,2025-01-01,,,,extra\n,a,Course,,"T"x,P,2025-01-01,,,\n`),
      SPEC,
    );
    const rows = readAll(t);
    expect(rows.map((r) => [r.row, r.problems.map((p) => p.column)])).toEqual([
      [2, ['Column 11']],
      [3, ['', '']],
    ]);
    // A stray quote swallows the rest of the file into one value, as in readTable: both problems are named.
    expect(rows[1]?.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/double quote in this row is not where CSV allows one/),
      expect.stringMatching(/never closed/),
    ]);
  });

  it('numbers rows as Excel does: blank lines skipped but counted, a multi-line record is one row', () => {
    const head = COLUMNS.map((c) => c.name).join(',');
    const t = openTable(
      bytes(`${head}\r\n,a,,,,,,"one\r\ntwo",,\r\n\r\n,,,,,,,,,\r\n,b,,,,,,,,\r\n\r\n`),
      SPEC,
    );
    expect(readAll(t).map((r) => [r.row, r.values.Name])).toEqual([
      [2, 'a'],
      [5, 'b'],
    ]);
  });
});

describe('reading in slices', () => {
  it('gives the same rows for every slice size, also with quoted newlines at slice boundaries', () => {
    for (const name of ['records-crlf-quoted.csv', 'records-bad-rows.csv', 'records-utf16be.csv']) {
      const t = openTable(fixture(name), SPEC);
      const whole = readAll(t);
      for (const size of [1, 2, 3, 5]) expect(readAll(t, size)).toEqual(whole);
    }
  });

  it('continues exactly after a multi-line row that ends a slice', () => {
    const head = COLUMNS.map((c) => c.name).join(',');
    const line = (n: number, info: string) => `,p${n},Course,,T,P,2025-01-01,${info},,`;
    const text = [
      head,
      line(2, 'a'),
      line(3, 'b'),
      line(4, '"multi\r\nline, ""quoted"""'),
      line(5, 'c'),
      '',
    ].join('\r\n');
    const t = openTable(bytes(text), SPEC);
    const first: StreamRow[] = [];
    const slice = readRows(t, t.start, 3, (r) => first.push(r));
    expect(slice.done).toBe(false);
    expect(slice.next.row).toBe(5);
    expect(first[2]?.values['Other Information']).toBe('multi\r\nline, "quoted"');
    const rest: StreamRow[] = [];
    expect(readRows(t, slice.next, 3, (r) => rest.push(r)).done).toBe(true);
    expect(rest.map((r) => [r.row, r.values.Name])).toEqual([[5, 'p5']]);
  });

  it('is the same as one pass for any file and slice size (property)', () => {
    const cell = fc
      .array(fc.constantFrom('a', 'Å', ' ', ',', ';', '"', '\n', '\r\n', '='), { maxLength: 5 })
      .map((p) => p.join(''));
    const q = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const head = COLUMNS.map((c) => c.name).join(',');
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, size, eol) => {
          const t = openTable(bytes([head, ...rows.map((r) => r.map(q).join(','))].join(eol) + eol), SPEC);
          expect(readAll(t, size)).toEqual(readAll(t));
        },
      ),
    );
  });

  it('reads 200,000 rows in slices without trouble', () => {
    const head = COLUMNS.map((c) => c.name).join(',');
    const parts = [head];
    for (let i = 0; i < 200_000; i++)
      parts.push(`,person${i}@example.com,Course,FIRE-101,Fire safety,Brand AB,2025-04-03,"note, ${i}",,`);
    const t = openTable(bytes(parts.join('\r\n') + '\r\n'), SPEC);
    let count = 0;
    let last = 0;
    let cursor = t.start;
    for (;;) {
      const { next, done } = readRows(t, cursor, 20_000, (r) => {
        count++;
        last = r.row;
      });
      cursor = next;
      if (done) break;
    }
    expect([count, last]).toEqual([200_000, 200_001]);
  }, 30_000);
});
