import Papa from 'papaparse';
import { decodeBytes, encodingLabel, type CsvEncoding } from './decode.js';

export type Delimiter = ',' | ';' | '\t';

/** One problem with an input file, where a spreadsheet user would look for it. */
export interface CsvProblem {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  /** The column's name as the importer knows it ('' for the whole row or file). */
  column: string;
  message: string;
}

export interface ColumnSpec {
  name: string;
  /** A file without a required column is refused; an optional one may be left out. */
  required: boolean;
}

export interface TableOptions {
  columns: readonly ColumnSpec[];
  /** Columns accepted and skipped: e.g. the `Error` column of an error file being re-imported. */
  ignore?: readonly string[];
  encoding?: CsvEncoding | 'auto';
}

export interface TableRow {
  /** The row number a spreadsheet shows; a record with a quoted newline is still one row. */
  row: number;
  /** The cells as they were, in the file's column order (for the error file). */
  cells: string[];
  /** Trimmed values by the spec's column name; only the columns the file has. */
  values: Record<string, string>;
}

export interface Table {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** The header cells as written (BOM removed, Excel's trailing empty columns dropped). */
  header: string[];
  /** The spec's column names the file has. */
  present: ReadonlySet<string>;
  rows: TableRow[];
  /** Every problem found while reading; a non-empty list means the rows must not be used as they are. */
  errors: CsvProblem[];
}

/** A header cell as matched: BOM, case and spacing ignored. */
export const normalise = (s: string) =>
  s
    .replace(/^\uFEFF+/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The header line decides the separator: names rarely contain one, while data
 * rows often do ("Öberg, Åsa"). Counted outside quotes; a tie goes to `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export const QUOTE_PROBLEM: Record<string, string> = {
  MissingQuotes: 'A quoted value in this row is never closed: check for a stray double quote (").',
  InvalidQuotes:
    'A double quote in this row is not where CSV allows one: write "" for a quote inside a quoted value.',
};

export interface HeaderMap {
  /** For each file column, the spec name it feeds, or null when ignored. */
  byIndex: (string | null)[];
  present: Set<string>;
  errors: CsvProblem[];
}

export function mapHeader(header: readonly string[], opts: TableOptions): HeaderMap {
  const known = new Map(opts.columns.map((c) => [normalise(c.name), c.name]));
  const ignored = new Set((opts.ignore ?? []).map(normalise));
  const byIndex: (string | null)[] = [];
  const present = new Set<string>();
  const errors: CsvProblem[] = [];
  const expected = opts.columns.map((c) => c.name).join(', ');
  header.forEach((raw, i) => {
    const key = normalise(raw);
    const name = known.get(key);
    if (name) {
      if (present.has(name))
        errors.push({ row: 1, column: name, message: `The column "${name}" appears more than once.` });
      present.add(name);
      byIndex.push(name);
    } else if (ignored.has(key)) {
      byIndex.push(null);
    } else {
      byIndex.push(null);
      const column = raw.trim() || `Column ${i + 1}`;
      errors.push({
        row: 1,
        column,
        message: key
          ? `Unknown column "${raw.trim()}". The columns are: ${expected}.`
          : `Column ${i + 1} has no name in the header. The columns are: ${expected}.`,
      });
    }
  });
  for (const c of opts.columns)
    if (c.required && !present.has(c.name))
      errors.push({ row: 1, column: c.name, message: `The column "${c.name}" is missing.` });
  return { byIndex, present, errors };
}

/** A forced encoding the bytes do not match, at the line of the first bad byte. */
export function encodingProblem(encoding: CsvEncoding, line: number): CsvProblem {
  return {
    row: line,
    column: '',
    message: `This file is not valid ${encodingLabel(encoding)}. Choose another encoding (Windows-1252 is what Excel writes as "CSV") or "automatic".`,
  };
}

/** The first row of a file as its header: BOM removed, Excel's trailing empty cells dropped. */
export function headerOf(first: readonly string[]): string[] {
  let width = first.length;
  while (width > 0 && (first[width - 1] ?? '').trim() === '') width--;
  return first.slice(0, width).map((h, i) => (i === 0 ? h.replace(/^\uFEFF+/, '') : h));
}

/** The problem of a file without a header row. */
export const EMPTY_FILE: CsvProblem = {
  row: 1,
  column: '',
  message: 'The file is empty: it has no header row.',
};

/**
 * One parsed record as a row: exactly `width` cells, trimmed values by column name, and the
 * problem of a value beyond the header (Excel's trailing empty columns are fine). Shared by the
 * whole-file and the sliced reader so they can never disagree.
 */
export function rowOf(
  rec: readonly string[],
  row: number,
  width: number,
  byIndex: readonly (string | null)[],
): { cells: string[]; values: Record<string, string>; extra: CsvProblem | null } {
  let extra: CsvProblem | null = null;
  for (let c = width; c < rec.length; c++) {
    if ((rec[c] ?? '').trim() !== '') {
      extra = {
        row,
        column: `Column ${c + 1}`,
        message: 'This row has a value in a column without a header.',
      };
      break;
    }
  }
  const cells = Array.from({ length: width }, (_, c) => rec[c] ?? '');
  const values: Record<string, string> = {};
  byIndex.forEach((name, c) => {
    if (name) values[name] = (cells[c] ?? '').trim();
  });
  return { cells, values, extra };
}

/**
 * Reads a CSV file the way spreadsheets write them (see decode.ts for the
 * encodings): `,` `;` or tab separators, quoted separators, quotes and
 * newlines, CRLF or LF, blank lines and Excel's trailing empty columns. Header
 * names match ignoring case, spacing and a BOM. Rows keep their spreadsheet
 * numbers so every problem can be named by row and column.
 */
export function readTable(bytes: Uint8Array, opts: TableOptions): Table {
  const decoded = decodeBytes(bytes, opts.encoding ?? 'auto');
  const delimiter = detectDelimiter(decoded.text);
  const base = { encoding: decoded.encoding, delimiter, present: new Set<string>(), rows: [] };
  if (decoded.invalidAtLine !== undefined) {
    return { ...base, header: [], errors: [encodingProblem(decoded.encoding, decoded.invalidAtLine)] };
  }
  // Never `worker: true`: papaparse's workers misbehave under Vite, and parsing a decoded string is fast enough.
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  const first = records[0] ?? [];
  let width = first.length;
  while (width > 0 && (first[width - 1] ?? '').trim() === '') width--;
  const header = first.slice(0, width).map((h, i) => (i === 0 ? h.replace(/^\uFEFF+/, '') : h));
  if (width === 0) {
    return {
      ...base,
      header,
      errors: [{ row: 1, column: '', message: 'The file is empty: it has no header row.' }],
    };
  }
  const map = mapHeader(header, opts);
  if (map.errors.length) return { ...base, header, present: map.present, errors: map.errors };

  const errors: CsvProblem[] = [];
  for (const e of parsed.errors) {
    const message = QUOTE_PROBLEM[e.code];
    if (message && e.row !== undefined) errors.push({ row: e.row + 1, column: '', message });
  }
  const rows: TableRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i] ?? [];
    if (isBlank(rec)) continue; // blank lines and rows of empty cells, usually at the end
    const row = i + 1;
    const r = rowOf(rec, row, width, map.byIndex);
    if (r.extra) errors.push(r.extra);
    rows.push({ row, cells: r.cells, values: r.values });
  }
  return { ...base, header, present: map.present, rows, errors };
}
