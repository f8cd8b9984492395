import { ModuleCode, ModuleCreate, type ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { CsvProblem, Table, TableRow } from '../../csv/read-table.js';
import { unescapeFormula } from '../../csv/write-csv.js';
import type { ModuleDbRow } from './module-repo.js';

/** A valid row of a modules file, resolved against the catalog. */
export interface ModuleRowPlan {
  row: number;
  code: string;
  title: string;
  kind: ModuleKind;
  /** `undefined`: the file has no such column, so an existing module keeps its value. */
  validity: number | null | undefined;
  trainingRecord: boolean | undefined;
  existing: ModuleDbRow | undefined;
  /** For an existing module, the fields that differ; empty = unchanged. */
  changed: ('title' | 'defaultValidityMonths' | 'trainingRecord')[];
}

const TYPES: Record<string, ModuleKind> = {
  course: 'course',
  quiz: 'quiz',
  event: 'event',
  'learning-path': 'learning_path',
  external: 'external',
};
/** How an export writes a kind: the words of the issue, `learning-path` with a dash. */
export const typeWord = (kind: ModuleKind) => kind.replace('_', '-');

const YES = new Set(['', 'yes', 'true', '1', 'y']);
const NO = new Set(['no', 'false', '0', 'n']);

const cell = (r: TableRow, column: string): string | undefined => {
  const v = r.values[column];
  return v === undefined ? undefined : unescapeFormula(v).trim();
};

function parseMonths(text: string): number | null | string {
  if (!text) return null;
  if (!/^\d+$/.test(text)) return `"${text}" is not a whole number of months: leave it blank for never.`;
  const n = Number(text);
  if (n < 1 || n > 600) return 'Use between 1 and 600 months, or leave it blank for never.';
  return n;
}
export { parseMonths as parseValidityMonths };

/**
 * Checks each row of a modules file on its own and against the catalog (by
 * code, case-insensitive). What only a service can judge (scope, a code taken
 * meanwhile, external items being read-only) is left to the trial run.
 */
export function planModulesImport(
  table: Table,
  byCode: (code: string) => ModuleDbRow | undefined,
): { rows: ModuleRowPlan[]; errors: CsvProblem[] } {
  const errors: CsvProblem[] = [...table.errors];
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const firstRow = new Map<string, number>();
  const rows: ModuleRowPlan[] = [];
  for (const r of table.rows) {
    const before = errors.length;
    const rawCode = cell(r, 'Code') ?? '';
    const code = ModuleCode.safeParse(rawCode);
    if (!rawCode) fail(r.row, 'Code', 'The code is missing.');
    else if (!code.success) fail(r.row, 'Code', `${code.error.issues[0]?.message ?? 'Not a valid code'}.`);
    else {
      const key = code.data.toLowerCase();
      const other = firstRow.get(key);
      if (other) fail(r.row, 'Code', `${code.data} is also on row ${other}: each module once.`);
      else firstRow.set(key, r.row);
    }

    const title = ModuleCreate.shape.title.safeParse(cell(r, 'Title') ?? '');
    if (!title.success) fail(r.row, 'Title', `${title.error.issues[0]?.message ?? 'Not a valid title'}.`);

    const typeText = cell(r, 'Type') ?? '';
    const kind = TYPES[typeText.toLowerCase().replace(/[\s_]+/g, '-')];
    if (!kind)
      fail(
        r.row,
        'Type',
        typeText
          ? `"${typeText}" is not a type: use course, quiz, event, learning-path or external.`
          : 'The type is missing: use course, quiz, event, learning-path or external.',
      );

    const monthsText = cell(r, 'Default Validity Months');
    const months = monthsText === undefined ? undefined : parseMonths(monthsText);
    if (typeof months === 'string') fail(r.row, 'Default Validity Months', months);

    const recordText = cell(r, 'Training Record');
    const record = recordText === undefined ? undefined : recordText.toLowerCase();
    if (record !== undefined && !YES.has(record) && !NO.has(record))
      fail(r.row, 'Training Record', `"${recordText}" is not yes or no (blank means yes).`);

    if (errors.length > before || !code.success || !title.success || !kind || typeof months === 'string')
      continue;
    const existing = byCode(code.data);
    if (existing && existing.kind !== kind) {
      fail(
        r.row,
        'Type',
        `${existing.code} is a ${typeWord(existing.kind)}, not a ${typeWord(kind)}: an import cannot change a module's type.`,
      );
      continue;
    }
    const p: ModuleRowPlan = {
      row: r.row,
      code: code.data,
      title: title.data,
      kind,
      validity: months,
      trainingRecord: record === undefined ? undefined : YES.has(record),
      existing,
      changed: [],
    };
    if (existing) {
      if (p.title !== existing.title) p.changed.push('title');
      if (p.validity !== undefined && p.validity !== existing.default_validity_months)
        p.changed.push('defaultValidityMonths');
      if (p.trainingRecord !== undefined && p.trainingRecord !== (existing.training_record === 1))
        p.changed.push('trainingRecord');
    }
    rows.push(p);
  }
  return { rows, errors };
}
