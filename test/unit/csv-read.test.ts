import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src-main/csv/decode.js';
import { readTable, type TableOptions } from '../../src-main/csv/read-table.js';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/csv', name));
const COLUMNS: TableOptions = {
  columns: [
    { name: 'Name', required: true },
    { name: 'City', required: true },
    { name: 'Note', required: false },
  ],
};
const text = (s: string) => new TextEncoder().encode(s);
const names = (t: ReturnType<typeof readTable>) => t.rows.map((r) => [r.row, r.values.Name, r.values.City]);

describe('decoding what spreadsheets write', () => {
  it('reads UTF-8 with a BOM and `;`', () => {
    const t = readTable(fixture('utf8-bom-semicolon.csv'), COLUMNS);
    expect(t).toMatchObject({ encoding: 'utf-8', delimiter: ';', errors: [] });
    expect(t.header).toEqual(['Name', 'City', 'Note']);
    expect(names(t)).toEqual([
      [2, 'Åsa Öberg', 'Umeå'],
      [3, 'Jörgen Ämtöft', 'Luleå'],
    ]);
    expect(t.rows[0]?.values.Note).toBe('Fika; then work');
  });

  it('falls back to Windows-1252 for invalid UTF-8, with € and curly quotes right', () => {
    const t = readTable(fixture('windows-1252.csv'), COLUMNS);
    expect(t.encoding).toBe('windows-1252');
    expect(names(t)).toEqual([
      [2, 'Åsa Öberg', 'Umeå'],
      [3, 'Jörgen Ämtöft', 'Luleå'],
    ]);
    expect(t.rows.map((r) => r.values.Note)).toEqual(['Costs 5 €', 'It’s fine']);
  });

  it('reads UTF-16 LE with a BOM, tab-separated (Excel "Unicode text")', () => {
    const t = readTable(fixture('utf16le-bom-tab.csv'), COLUMNS);
    expect(t).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', errors: [] });
    expect(names(t)[0]).toEqual([2, 'Åsa Öberg', 'Umeå']);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const le = Buffer.from('\uFEFFName,City\r\nÅsa,Umeå\r\n', 'utf16le');
    const be = Buffer.from(le.map((_, i) => le[i ^ 1] ?? 0));
    const t = readTable(be, COLUMNS);
    expect(t.encoding).toBe('utf-16be');
    expect(names(t)).toEqual([[2, 'Åsa', 'Umeå']]);
  });

  it('uses a forced encoding, and says on which line UTF-8 breaks', () => {
    const latin = fixture('windows-1252.csv');
    expect(decodeBytes(latin, 'windows-1252').text).toContain('Åsa Öberg');
    const forced = readTable(latin, { ...COLUMNS, encoding: 'utf-8' });
    expect(forced.rows).toEqual([]);
    expect(forced.errors).toEqual([
      { row: 2, column: '', message: expect.stringMatching(/not valid UTF-8/) },
    ]);
    // A BOM that matches the forced encoding is still removed.
    expect(decodeBytes(fixture('utf8-bom-semicolon.csv'), 'utf-8')).toMatchObject({ bom: true });
    expect(decodeBytes(fixture('utf8-bom-semicolon.csv'), 'utf-8').text.startsWith('Name')).toBe(true);
  });
});

describe('reading the table', () => {
  it('detects tab separators and keeps commas inside cells', () => {
    const t = readTable(fixture('tab-separated.csv'), COLUMNS);
    expect(t.delimiter).toBe('\t');
    expect(t.rows[0]?.values.Note).toBe('comma, inside');
  });

  it("ignores Excel's trailing empty columns and blank rows", () => {
    const t = readTable(fixture('excel-trailing-columns.csv'), COLUMNS);
    expect(t.errors).toEqual([]);
    expect(t.header).toEqual(['Name', 'City', 'Note']);
    expect(names(t)).toEqual([
      [2, 'Åsa Öberg', 'Umeå'],
      [3, 'Bo Ek', 'Kiruna'],
    ]);
  });

  it('counts a record with quoted newlines as one spreadsheet row', () => {
    const t = readTable(fixture('quoted-newlines.csv'), COLUMNS);
    expect(t.errors).toEqual([]);
    expect(names(t)).toEqual([
      [2, 'Öberg, Åsa', 'Umeå'],
      [3, 'Bo Ek', 'Kiruna'],
      [4, 'Ämtöft, Jörgen', 'Luleå'],
      [5, 'Cia Dahl', 'Malmö'],
    ]);
    expect(t.rows[0]?.values.Note).toBe('Line one\nline two, with "quotes"');
    expect(t.rows[2]?.values.Note).toBe('a\n\nb');
  });

  it('reads CRLF and LF alike, and keeps row numbers across a blank line in the middle', () => {
    for (const eol of ['\r\n', '\n']) {
      const t = readTable(text(['Name,City', 'A,X', '', 'B,Y', ''].join(eol)), COLUMNS);
      expect(names(t)).toEqual([
        [2, 'A', 'X'],
        [4, 'B', 'Y'],
      ]);
    }
  });

  it('matches header names ignoring case, spacing and a BOM, and may leave out optional columns', () => {
    const t = readTable(text('\uFEFF  nAME ,CITY   \nA,X\n'), COLUMNS);
    expect(t.errors).toEqual([]);
    expect([...t.present]).toEqual(['Name', 'City']);
    expect(t.rows[0]?.values).toEqual({ Name: 'A', City: 'X' });
  });

  it('names a missing, unknown, duplicated or unnamed column once each', () => {
    const t = readTable(text('Name,Town,Name,,Note\nA,X,A,,\n'), COLUMNS);
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([
      {
        row: 1,
        column: 'Town',
        message: expect.stringMatching(/^Unknown column "Town"\. The columns are: Name, City, Note\.$/),
      },
      { row: 1, column: 'Name', message: 'The column "Name" appears more than once.' },
      { row: 1, column: 'Column 4', message: expect.stringMatching(/^Column 4 has no name/) },
      { row: 1, column: 'City', message: 'The column "City" is missing.' },
    ]);
  });

  it('accepts and skips ignored columns (an error file imported again)', () => {
    const t = readTable(text('Name,City,Error\nA,X,Unit: unknown\n'), { ...COLUMNS, ignore: ['Error'] });
    expect(t.errors).toEqual([]);
    expect(t.rows[0]?.values).toEqual({ Name: 'A', City: 'X' });
    expect(t.rows[0]?.cells).toEqual(['A', 'X', 'Unit: unknown']);
  });

  it('reports a value beyond the header and an unclosed quote by row', () => {
    const t = readTable(text('Name,City\nA,X,extra\nB,"Y\n'), COLUMNS);
    expect(t.errors).toEqual([
      { row: 3, column: '', message: expect.stringMatching(/never closed/) },
      { row: 2, column: 'Column 3', message: 'This row has a value in a column without a header.' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(readTable(text(''), COLUMNS).errors).toEqual([
      { row: 1, column: '', message: 'The file is empty: it has no header row.' },
    ]);
  });
});
