import Papa from 'papaparse';
import { decodeBytes, type CsvEncoding } from './decode.js';
import {
  detectDelimiter,
  EMPTY_FILE,
  encodingProblem,
  headerOf,
  isBlank,
  mapHeader,
  QUOTE_PROBLEM,
  rowOf,
  type ColumnSpec,
  type CsvProblem,
  type Delimiter,
} from './read-table.js';

/**
 * Reading a big CSV file a slice of rows at a time (read-table.ts reads a whole
 * file into an array of rows; a 200,000-row records file must not be held that
 * way). The decoded text is kept once; a cursor says where the next slice
 * starts, so a caller can validate in slices and report progress between them.
 * Reading in slices gives exactly the rows, numbers and problems of one pass.
 */

export interface OpenedTable {
  encoding: CsvEncoding;
  /** The file began with a byte-order mark (the error file keeps one). */
  bom: boolean;
  delimiter: Delimiter;
  /** The header cells as written (BOM removed, Excel's trailing empty header cells dropped). */
  header: string[];
  /** For each file column: the spec column name it feeds, or null (ignored column). */
  columns: (string | null)[];
  present: ReadonlySet<string>;
  /** Encoding or header problems: when non-empty, no row may be read. */
  fileErrors: CsvProblem[];
  /** The decoded text. */
  text: string;
  /** Where data starts: pass to readRows first. */
  start: RowCursor;
  /** The file's line break, fixed for every slice (papaparse would guess it per slice); guessed when absent. */
  newline?: string;
}

/** Char offset into text; spreadsheet row number of the next row. */
export interface RowCursor {
  offset: number;
  row: number;
}

export interface StreamRow {
  /** Spreadsheet row number (header = 1); a quoted multi-line record is ONE row. */
  row: number;
  /** Exactly header.length cells, as in the file (untrimmed). */
  cells: string[];
  /** Trimmed values by spec column name (only columns present). */
  values: Record<string, string>;
  /** Quote problems, a value in a column without a header. */
  problems: CsvProblem[];
}

interface Slice {
  next: RowCursor;
  done: boolean;
}

/**
 * Parses records from `from` with papaparse in step mode, handing each one to
 * `onRecord` until it returns false. `fastMode: false` matters: papaparse's
 * fast mode (for text without quotes) splits ALL the remaining text into lines
 * first, which is what this module exists to avoid.
 */
function parseFrom(
  text: string,
  from: RowCursor,
  delimiter: Delimiter,
  newline: string | undefined,
  onRecord: (cells: string[], errors: Papa.ParseError[], row: number, end: number) => boolean,
): Slice {
  let next = from;
  let stopped = false;
  if (from.offset >= text.length) return { next, done: true };
  Papa.parse<string[]>(text.slice(from.offset), {
    delimiter,
    ...(newline ? { newline: newline as Papa.ParseConfig['newline'] } : {}),
    header: false,
    skipEmptyLines: false,
    fastMode: false,
    step: (results, parser) => {
      if (stopped) return;
      const end = from.offset + results.meta.cursor;
      const row = next.row;
      next = { offset: end, row: row + 1 };
      if (!onRecord(results.data, results.errors, row, end)) {
        stopped = true;
        parser.abort();
      }
    },
  });
  return { next, done: !stopped || next.offset >= text.length };
}

/** The separator's line break as papaparse would guess it for the whole file. */
function guessNewline(text: string, delimiter: Delimiter): string {
  let newline = '\r\n';
  Papa.parse<string[]>(text.slice(0, 1024 * 1024), {
    delimiter,
    preview: 1,
    step: (results, parser) => {
      newline = results.meta.linebreak;
      parser.abort();
    },
  });
  return newline;
}

export function openTable(
  bytes: Uint8Array,
  opts: { columns: readonly ColumnSpec[]; ignore?: readonly string[]; encoding?: CsvEncoding | 'auto' },
): OpenedTable {
  const decoded = decodeBytes(bytes, opts.encoding ?? 'auto');
  const text = decoded.text;
  const delimiter = detectDelimiter(text);
  const base = {
    encoding: decoded.encoding,
    bom: decoded.bom,
    delimiter,
    text,
    newline: '\r\n',
    header: [] as string[],
    columns: [] as (string | null)[],
    present: new Set<string>() as ReadonlySet<string>,
    start: { offset: text.length, row: 2 },
  };
  if (decoded.invalidAtLine !== undefined)
    return { ...base, fileErrors: [encodingProblem(decoded.encoding, decoded.invalidAtLine)] };

  const newline = guessNewline(text, delimiter);
  let first: string[] = [];
  const { next } = parseFrom(text, { offset: 0, row: 1 }, delimiter, newline, (cells) => {
    first = cells;
    return false;
  });
  const header = headerOf(first);
  if (header.length === 0) return { ...base, newline, header, fileErrors: [EMPTY_FILE] };
  const map = mapHeader(header, opts);
  return {
    ...base,
    newline,
    header,
    columns: map.byIndex,
    present: map.present,
    fileErrors: map.errors,
    start: next,
  };
}

/** Calls onRow for up to maxRows non-blank data rows from `from`; returns where to continue and whether the file ended. */
export function readRows(
  t: OpenedTable,
  from: RowCursor,
  maxRows: number,
  onRow: (r: StreamRow) => void,
): { next: RowCursor; done: boolean } {
  if (t.fileErrors.length > 0 || maxRows <= 0) return { next: from, done: t.fileErrors.length > 0 };
  const width = t.header.length;
  let read = 0;
  const newline = t.newline ?? guessNewline(t.text, t.delimiter);
  return parseFrom(t.text, from, t.delimiter, newline, (rec, errors, row) => {
    if (isBlank(rec)) return true; // blank lines and rows of empty cells: numbered, never reported
    const problems: CsvProblem[] = [];
    for (const e of errors) {
      const message = QUOTE_PROBLEM[e.code];
      if (message && !problems.some((p) => p.message === message))
        problems.push({ row, column: '', message });
    }
    const { cells, values, extra } = rowOf(rec, row, width, t.columns);
    if (extra) problems.push(extra);
    onRow({ row, cells, values, problems });
    read++;
    return read < maxRows;
  });
}
