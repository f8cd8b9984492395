import type { AuditNote, AuthedCtx } from '../../app/context.js';
import { AppError } from '../../app/app-error.js';
import type { CsvProblem, Table } from '../../csv/read-table.js';
import { errorCsv } from '../../csv/write-csv.js';
import type { CatalogImportSummary } from '../../../shared/api/schemas/imports-catalog.js';

/** One change an import makes through a service (modules.create, configurations.update…). */
export interface ImportOp {
  run: (ctx: AuthedCtx) => void;
  /** Where a refusal by the service belongs in the file. */
  problems: (e: AppError) => CsvProblem[];
}

const ROLL_BACK = Symbol('roll back');

/**
 * Runs every change through the same service functions the app's own calls use,
 * so their checks (scope, codes, rules) and audit apply to imports too. Each op
 * runs in its own savepoint, so one refusal does not hide the next; all of them
 * sit in an outer savepoint that is kept only when `keep` is set and nothing was
 * refused. A dry run is therefore the real import, rolled back: it cannot
 * promise what the commit would then refuse. Audit notes reach the call's audit
 * only when the writes are kept.
 */
export function trialRun(ctx: AuthedCtx, ops: readonly ImportOp[], keep: boolean): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const notes: AuditNote[] = [];
  const inner: AuthedCtx = { ...ctx, audit: (n) => notes.push(n) };
  try {
    ctx.db.transaction(() => {
      for (const op of ops) {
        try {
          ctx.db.transaction(() => op.run(inner))();
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          problems.push(...op.problems(e));
        }
      }
      if (!keep || problems.length) throw ROLL_BACK;
    })();
  } catch (e) {
    if (e !== ROLL_BACK) throw e;
  }
  if (keep && !problems.length) for (const n of notes) ctx.audit(n);
  return problems;
}

/** The summary every catalog import returns, with the error file when rows have problems. */
export function importSummary(
  table: Table,
  errors: readonly CsvProblem[],
  counts: { created: number; updated: number; unchanged: number },
  committed: boolean,
): CatalogImportSummary {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const byRow = new Map<number, string[]>();
  for (const e of sorted)
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.column ? `${e.column}: ${e.message}` : e.message]);
  const bad = sorted.length > 0;
  return {
    committed,
    counts: bad ? { created: 0, updated: 0, deleted: 0, unchanged: 0 } : { ...counts, deleted: 0 },
    errors: sorted,
    encoding: table.encoding,
    delimiter: table.delimiter,
    errorCsv: sorted.some((e) => e.row > 1) ? errorCsv(table.header, table.rows, byRow) : null,
  };
}

/** A service's message names a field; an import names the column it came from. */
export function columnProblems(
  e: AppError,
  row: number,
  columns: Readonly<Record<string, string>>,
  fallback = '',
): CsvProblem[] {
  const d = e.details?.[0];
  const column = (d && columns[d.path.split('.')[0] ?? '']) ?? fallback;
  return [{ row, column, message: e.message }];
}
