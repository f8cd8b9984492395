import iconv from 'iconv-lite';
import type { CsvEncoding } from './decode.js';
import type { Delimiter } from './read-table.js';
import { csvCell, quoteCell } from './write-csv.js';

/**
 * Writing a file back in the encoding it came in (the error file of an import):
 * a user who opened a Windows-1252 `;` file in Swedish Excel gets one that
 * opens the same way.
 */

/** The line end of every CSV Fieldbook writes. */
export const CSV_EOL = '\r\n';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Text → bytes in a file's own encoding: UTF-8 (BOM when bom), Windows-1252 (iconv-lite; characters it cannot hold become '?'), UTF-16 LE/BE with BOM.
 * UTF-16 always gets its BOM whatever `bom` says: without one, spreadsheets misread it.
 */
export function encodeText(text: string, encoding: CsvEncoding, bom: boolean): Uint8Array {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!bom) return body;
    const out = new Uint8Array(body.length + UTF8_BOM.length);
    out.set(UTF8_BOM);
    out.set(body, UTF8_BOM.length);
    return out;
  }
  const body = iconv.encode(text, encoding);
  if (encoding === 'windows-1252') return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  const out = new Uint8Array(body.length + 2);
  out.set(mark);
  out.set(body, 2);
  return out;
}

/**
 * One CSV line, without the line end, for writers that append row by row (no
 * array of all rows): RFC 4180 quoting and formula escaping as write-csv.ts.
 * Values holding `,` `;` or a tab are quoted whatever the separator, which any
 * reader accepts.
 */
export function csvLine(cells: readonly string[], delimiter: Delimiter): string {
  return cells.map(csvCell).join(delimiter);
}

/**
 * A line of cells copied from the user's own file (an error file): quoted where needed but never
 * formula-escaped again, or `'=SUM(A1)` would gain one more `'` on every round through the error file.
 */
export function rawCsvLine(cells: readonly string[], delimiter: Delimiter): string {
  return cells.map(quoteCell).join(delimiter);
}
