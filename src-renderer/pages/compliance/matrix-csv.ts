import Papa from 'papaparse';
import type { CallOutput } from '../../../shared/api/contract';
import type { ComplianceStatus } from '../../../shared/api/schemas/compliance';

/** Cells a spreadsheet would run as a formula get a leading `'` (as src-main/csv/write-csv.ts does). */
const escapeFormula = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * The matrix as Excel opens it: UTF-8 with BOM, CRLF, one row per person, one column per module
 * (its code), statuses as the six words the CLI report uses, and the row's "compliant of required".
 */
export function matrixCsv(
  matrix: CallOutput<'compliance.matrix'>,
  statusWord: (s: ComplianceStatus) => string,
) {
  const header = ['Name', 'Email', 'Unit', ...matrix.modules.map((m) => m.code), 'Compliant', 'Required'];
  const rows = matrix.rows.map((r) => [
    r.name,
    r.email,
    r.unitName,
    ...r.cells.map(statusWord),
    String(r.compliant),
    String(r.required),
  ]);
  const body = Papa.unparse(
    [header, ...rows].map((row) => row.map(escapeFormula)),
    {
      newline: '\r\n',
      quotes: (v: unknown) => typeof v === 'string' && /[",;\t\r\n]|^\s|\s$/.test(v),
    },
  );
  return `\uFEFF${body}\r\n`;
}
