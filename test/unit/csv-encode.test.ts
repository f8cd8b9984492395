import { describe, expect, it } from 'vitest';
import { decodeBytes, type CsvEncoding } from '../../src-main/csv/decode.js';
import { CSV_EOL, csvLine, encodeText } from '../../src-main/csv/encode.js';
import { openTable, readRows, type StreamRow } from '../../src-main/csv/stream-table.js';

const NAMES = 'Åsa Öberg;Jörgen Ämtöft;Zoë;it’s 5 €\r\n';

describe('writing text in a file’s own encoding', () => {
  it.each<[CsvEncoding, boolean, number[]]>([
    ['utf-8', true, [0xef, 0xbb, 0xbf]],
    ['utf-8', false, []],
    ['utf-16le', true, [0xff, 0xfe]],
    ['utf-16be', true, [0xfe, 0xff]],
    ['windows-1252', false, []],
  ])('%s (BOM %s) round-trips Swedish names, ë, ’ and €', (encoding, bom, mark) => {
    const bytes = encodeText(NAMES, encoding, bom);
    expect([...bytes.subarray(0, mark.length)]).toEqual(mark);
    expect(decodeBytes(bytes)).toEqual({ text: NAMES, encoding, bom });
  });

  it('writes Windows-1252 as single bytes and "?" for what it cannot hold', () => {
    expect([...encodeText('Å€’', 'windows-1252', false)]).toEqual([0xc5, 0x80, 0x92]);
    expect(new TextDecoder().decode(encodeText('Ω ✓ 漢', 'windows-1252', true))).toBe('? ? ?');
  });

  it('gives UTF-16 its BOM even when asked for none: spreadsheets need it', () => {
    expect([...encodeText('A', 'utf-16le', false)]).toEqual([0xff, 0xfe, 0x41, 0x00]);
    expect([...encodeText('A', 'utf-16be', false)]).toEqual([0xfe, 0xff, 0x00, 0x41]);
  });
});

describe('CSV lines', () => {
  it('quotes separators, quotes and newlines whatever the separator', () => {
    expect(csvLine(['a', 'b;c', 'd\te', 'f,g'], ';')).toBe('a;"b;c";"d\te";"f,g"');
    expect(csvLine(['say "hi"', 'two\nlines', 'x\r\ny'], '\t')).toBe('"say ""hi"""\t"two\nlines"\t"x\r\ny"');
    expect(csvLine(['', ' padded', 'plain'], ',')).toBe('," padded",plain');
  });

  it('escapes formulas', () => {
    expect(csvLine(['=SUM(A1)', '+46 70', '-12', '@cmd', 'ok'], ',')).toBe("'=SUM(A1),'+46 70,'-12,'@cmd,ok");
    expect(csvLine(['\tx'], ';')).toBe('"\'\tx"');
  });

  it('writes files that read back cell for cell in every encoding and separator', () => {
    const header = ['Record Id', 'Name', 'Title', 'Other Information', 'Error'];
    const rows = [
      ['', 'asa.oberg@example.com', 'Första hjälpen; del 1', 'Said "well done"\nSecond line', ''],
      ['x', 'jorgen.amtoft@example.com', 'Zoë’s €5 course', 'a\tb, c', 'Unknown person.'],
    ];
    for (const encoding of ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const)
      for (const delimiter of [',', ';', '\t'] as const) {
        // Appended line by line, as an error file of 200,000 rows is written.
        let text = '';
        for (const r of [header, ...rows]) text += csvLine(r, delimiter) + CSV_EOL;
        const t = openTable(encodeText(text, encoding, true), {
          columns: header.map((name) => ({ name, required: true })),
        });
        expect(t).toMatchObject({ encoding, delimiter, fileErrors: [] });
        const read: StreamRow[] = [];
        readRows(t, t.start, Infinity, (r) => read.push(r));
        expect(read.map((r) => r.cells)).toEqual(rows);
      }
  });
});
