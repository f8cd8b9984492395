/**
 * Writing CSV for people to open in Excel: UTF-8 with a BOM (without it Excel
 * reads UTF-8 as the local code page and "Åsa" becomes "Ã…sa"), CRLF line ends,
 * RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Cells a spreadsheet treats as formulas (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const DANGEROUS_START = /^[=+\-@\t\r]/;

/**
 * A value that already starts with `'` before a dangerous character (`'=x`) gets one more,
 * or reading it back could not tell it from an escaped `=x`: the escape stays reversible.
 */
const ESCAPED_START = /^'+[=+\-@\t\r]/;

/** A leading `'` makes Excel and LibreOffice show the cell as text instead of evaluating it. */
export function escapeFormula(cell: string): string {
  return DANGEROUS_START.test(cell) || ESCAPED_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The inverse, for reading back a file Fieldbook wrote: an exported "-12" comes
 * back as "'-12" and must import as "-12", or an exported file would not
 * re-import unchanged. Only one `'` before (more `'` and) a dangerous character is removed.
 */
export function unescapeFormula(cell: string): string {
  return ESCAPED_START.test(cell) ? cell.slice(1) : cell;
}

// `;` and tab are quoted too: a Swedish Excel splits on `;`, and quoting is always allowed.
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  return quoteCell(escapeFormula(value));
}

/** Quoting only: for cells copied from the user's own file, which must come back exactly as they were. */
export function quoteCell(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole file: header and rows, comma-separated, BOM first, CRLF after every row. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}

/**
 * The error file of an import: the original columns and rows, plus an `Error`
 * column listing every problem of that row, so a user fixes the file where
 * they see the problems and imports it again (importers ignore `Error`).
 * Every row is kept, not only the bad ones: a file cut down to its errors would
 * look like a full list to "deactivate people missing from the file".
 */
export function errorCsv(
  header: readonly string[],
  rows: readonly { row: number; cells: readonly string[] }[],
  errorsByRow: ReadonlyMap<number, readonly string[]>,
): string {
  // An error file imported again and still failing gets its Error column refreshed, not a second one.
  const existing = header.findIndex((h) => h.trim().toLowerCase() === 'error');
  const text = (row: number) => (errorsByRow.get(row) ?? []).join(' ');
  if (existing >= 0)
    return writeCsv(
      header,
      rows.map((r) => r.cells.map((c, i) => (i === existing ? text(r.row) : c))),
    );
  return writeCsv(
    [...header, 'Error'],
    rows.map((r) => [...r.cells, text(r.row)]),
  );
}
