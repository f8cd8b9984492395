import { CompetenceInput } from '../../../shared/api/schemas/competences.js';
import { competenceCodeKey as key } from '../../../shared/competences/code-key.js';
import type { CsvProblem, TableRow } from '../../csv/read-table.js';
import type { CompetenceRow } from './competence-repo.js';

export const TREE_COLUMNS = ['Code', 'Name', 'Parent Code', 'Default Days'] as const;

/** One row of the file, checked: its parent by folded code (competenceCodeKey), null at the top. */
export interface TreeImportRow {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  defaultDays: number | null;
  /** The competence the code already names, if any. */
  existing: CompetenceRow | undefined;
}

export interface TreeImportPlan {
  creates: TreeImportRow[];
  updates: TreeImportRow[];
  unchanged: number;
  errors: CsvProblem[];
}

const DAYS_MESSAGE = 'Default Days must be a whole number of days, 1–36500 (blank for never).';

function daysOf(cell: string): number | null | undefined {
  if (cell === '') return null;
  if (!/^\d+$/.test(cell)) return undefined;
  const n = Number(cell);
  return n >= 1 && n <= 36_500 ? n : undefined;
}

/**
 * Plans a tree file (`Code, Name, Parent Code, Default Days`): rows in any
 * order (a parent may come after its children), existing codes updated, new
 * ones created. Every problem is reported by row and column; the cycle check
 * runs on the tree as it would be after the import, untouched competences included.
 */
export function planTreeImport(
  rows: readonly TableRow[],
  existing: readonly CompetenceRow[],
): TreeImportPlan {
  const errors: CsvProblem[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const known = new Map(existing.map((c) => [key(c.code), c]));
  const byId = new Map(existing.map((c) => [c.id, c]));
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const code = r.values.Code ?? '';
    if (code && !firstRow.has(key(code))) firstRow.set(key(code), r.row);
  }

  const planned: TreeImportRow[] = [];
  for (const r of rows) {
    const code = r.values.Code ?? '';
    const name = r.values.Name ?? '';
    const parentCode = r.values['Parent Code'] ?? '';
    const days = daysOf(r.values['Default Days'] ?? '');
    const before = errors.length;
    const codeCheck = CompetenceInput.shape.code.safeParse(code);
    if (!codeCheck.success) fail(r.row, 'Code', codeCheck.error.issues[0]?.message ?? 'Enter a code');
    else if (firstRow.get(key(code)) !== r.row)
      fail(
        r.row,
        'Code',
        `The code ${code} is also on row ${firstRow.get(key(code))}: each competence once.`,
      );
    if (!name) fail(r.row, 'Name', 'Enter a name.');
    else if (name.length > 200) fail(r.row, 'Name', 'Use at most 200 characters.');
    if (days === undefined) fail(r.row, 'Default Days', DAYS_MESSAGE);
    if (parentCode) {
      const parent = known.get(key(parentCode));
      if (key(parentCode) === key(code)) fail(r.row, 'Parent Code', 'A competence cannot be its own parent.');
      else if (!firstRow.has(key(parentCode)) && !parent)
        fail(
          r.row,
          'Parent Code',
          `There is no competence with the code ${parentCode}, in this file or in Fieldbook.`,
        );
      // Its own row in the file cannot bring it back (an import never touches archived_at).
      else if (parent?.archived_at)
        fail(r.row, 'Parent Code', `Parent Code ${parentCode} is archived: bring it back in the app first.`);
    }
    if (errors.length === before)
      planned.push({
        row: r.row,
        code,
        name,
        parentCode: parentCode ? key(parentCode) : null,
        defaultDays: days ?? null,
        existing: known.get(key(code)),
      });
  }

  // The tree after the import: the file's parents over the database's.
  const written = new Map([
    ...existing.map((c) => [key(c.code), c.code] as const),
    ...planned.map((p) => [key(p.code), p.code] as const),
  ]);
  const parentOf = new Map<string, string | null>();
  for (const c of existing) {
    const p = c.parent_id ? byId.get(c.parent_id) : undefined;
    parentOf.set(key(c.code), p ? key(p.code) : null);
  }
  for (const p of planned) parentOf.set(key(p.code), p.parentCode);
  for (const p of planned) {
    const seen = new Set<string>();
    let cur = p.parentCode;
    while (cur !== null && cur !== undefined && cur !== key(p.code) && !seen.has(cur)) {
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur === key(p.code))
      fail(
        p.row,
        'Parent Code',
        `${p.code} cannot move under its own sub-competence ${written.get(p.parentCode ?? '') ?? p.parentCode}.`,
      );
  }

  const out: TreeImportPlan = { creates: [], updates: [], unchanged: 0, errors };
  if (errors.length) return { ...out, errors: errors.sort((a, b) => a.row - b.row) };
  for (const p of planned) {
    const c = p.existing;
    if (!c) out.creates.push(p);
    else {
      const parent = c.parent_id ? byId.get(c.parent_id) : undefined;
      const same =
        c.name === p.name &&
        (parent ? key(parent.code) : null) === p.parentCode &&
        c.default_days === p.defaultDays;
      if (same) out.unchanged++;
      else out.updates.push(p);
    }
  }
  return out;
}
