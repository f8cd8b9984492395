import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/csv/read-table.js';
import { csvCell, errorCsv, escapeFormula, unescapeFormula, writeCsv } from '../../src-main/csv/write-csv.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const HEADER = ['Name', 'City', 'Note'];
const spec = { columns: HEADER.map((name) => ({ name, required: true })) };

// The characters that break naive CSV code, plus Swedish letters and formula starters.
const tricky = fc.constantFrom(
  ...'aZ09 ;,"\'\t\r\n=+-@åäöÅÄÖé€’'.split(''),
  '\r\n',
  '""',
  '=SUM(A1:A2)',
  '+46 70',
  '-1',
  '@cmd',
);
const cell = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(''));
const rowsArb = fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 });
const DANGEROUS = /^[=+\-@\t\r]/;
const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');

describe('writing CSV', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(writeCsv(['A', 'B'], [['x', 'say "hi", ok']])).toBe('\uFEFFA,B\r\nx,"say ""hi"", ok"\r\n');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('escapes cells a spreadsheet would run as formulas, and can undo it', () => {
    for (const s of ['=1+1', '+46', '-3', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormula(s)).toBe(`'${s}`);
    expect(escapeFormula('Åsa')).toBe('Åsa');
    expect(escapeFormula("'quoted")).toBe("'quoted");
    expect(unescapeFormula("'=1+1")).toBe('=1+1');
    expect(unescapeFormula("'plain")).toBe("'plain");
  });

  it('round-trips any cell text through write and read (property)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const table = readTable(bytes(writeCsv(HEADER, rows)), spec);
        expect(table.errors).toEqual([]);
        expect(table.encoding).toBe('utf-8');
        expect(table.delimiter).toBe(',');
        const expected = rows.map((r) => r.map(escapeFormula)).filter((r) => !blank(r));
        expect(table.rows.map((r) => r.cells)).toEqual(expected);
        for (const r of table.rows) for (const c of r.cells) expect(DANGEROUS.test(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the original text after unescaping, except text that already looked escaped (property)', () => {
    fc.assert(
      fc.property(cell, (c) => {
        fc.pre(!(c.startsWith("'") && DANGEROUS.test(c.slice(1))));
        expect(unescapeFormula(escapeFormula(c))).toBe(c);
      }),
    );
  });

  it('numbers rows as a spreadsheet does even with quoted newlines (property)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const table = readTable(bytes(writeCsv(HEADER, rows)), spec);
        const expectedRows = rows
          .map((r, i) => ({ r, row: i + 2 }))
          .filter(({ r }) => !blank(r.map(escapeFormula)));
        expect(table.rows.map((r) => r.row)).toEqual(expectedRows.map((e) => e.row));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the error file', () => {
  it('keeps the original layout and every row, with the problems of each row in an Error column', () => {
    const csv = errorCsv(
      ['Name', 'City'],
      [
        { row: 2, cells: ['Åsa', 'Umeå'] },
        { row: 4, cells: ['=cmd', 'X'] },
      ],
      new Map([[4, ['Name: bad.', 'City: unknown.']]]),
    );
    expect(csv).toBe("\uFEFFName,City,Error\r\nÅsa,Umeå,\r\n'=cmd,X,Name: bad. City: unknown.\r\n");
  });

  it('refreshes an existing Error column instead of adding a second one', () => {
    const csv = errorCsv(['Name', 'Error'], [{ row: 2, cells: ['A', 'old'] }], new Map([[2, ['new.']]]));
    expect(csv).toBe('\uFEFFName,Error\r\nA,new.\r\n');
  });
});
