import type {
  DueRule,
  ItemInput,
  Requirement,
  TargetType,
} from '../../../shared/api/schemas/configurations.js';
import { isIsoDate } from '../../../shared/dates.js';
import type { CsvProblem, Table, TableRow } from '../../csv/read-table.js';
import { unescapeFormula } from '../../csv/write-csv.js';
import { parseValidityMonths } from '../catalog/import-plan.js';
import type { CurrentItem, ExistingConfiguration, ImportTarget } from './import-repo.js';

/** What planning needs to know about the organisation, loaded by the service. */
export interface AssignmentFacts {
  target(type: TargetType, text: string): ImportTarget | undefined;
  moduleByCode(code: string): { id: string; code: string } | undefined;
  configurationsFor(type: TargetType, id: string): ExistingConfiguration[];
}

/** One configuration the import creates or changes, with the file rows behind each of its items. */
export interface ConfigurationChange {
  target: ImportTarget;
  /** The configuration to change; undefined = create "<target name> (imported)". */
  existingId: string | undefined;
  name: string;
  items: ItemInput[];
  /** For each item, the file row it came from (undefined: kept as it was). */
  rowOf: (number | undefined)[];
  /** The first file row for this configuration, where problems with the whole of it are named. */
  firstRow: number;
  /** Whether any row adds or changes an item (a new configuration always does). */
  dirty: boolean;
}

export interface AssignmentsPlan {
  changes: ConfigurationChange[];
  counts: { created: number; updated: number; unchanged: number };
  errors: CsvProblem[];
}

const TARGET_TYPES = new Set<TargetType>(['person', 'group', 'unit']);
const STATUSES = new Set<Requirement>(['required', 'optional', 'hidden']);
const AFTER_JOINING = /^(\d+)\s*days?\s+after\s+joining$/i;

/** How an export writes a due rule, and what an import reads back. */
export const dueText = (d: DueRule): string =>
  d.kind === 'fixed' ? d.date : d.kind === 'after_joining' ? `${d.days} days after joining` : '';

function parseDue(text: string): DueRule | string {
  if (!text) return { kind: 'none' };
  if (isIsoDate(text)) return { kind: 'fixed', date: text };
  const m = AFTER_JOINING.exec(text);
  if (m && Number(m[1]) <= 3650) return { kind: 'after_joining', days: Number(m[1]) };
  return `"${text}" is not a date: write YYYY-MM-DD, "N days after joining", or leave it blank for no due date.`;
}

const sameDue = (a: DueRule, b: DueRule) => dueText(a) === dueText(b);
const sameItem = (a: CurrentItem, b: ItemInput) =>
  a.requirement === b.requirement && a.validityMonths === b.validityMonths && sameDue(a.due, b.due);

const cell = (r: TableRow, column: string): string => unescapeFormula(r.values[column] ?? '').trim();

interface ParsedRow {
  row: number;
  target: ImportTarget;
  item: ItemInput;
}

function parseRow(r: TableRow, facts: AssignmentFacts, fail: (column: string, message: string) => void) {
  const typeText = cell(r, 'Target Type');
  const type = typeText.toLowerCase() as TargetType;
  let target: ImportTarget | undefined;
  if (!TARGET_TYPES.has(type))
    fail(
      'Target Type',
      typeText ? `"${typeText}" is not person, group or unit.` : 'The target type is missing.',
    );
  const text = cell(r, 'Target');
  if (!text) fail('Target', 'The target is missing.');
  else if (TARGET_TYPES.has(type)) {
    target = facts.target(type, text);
    if (!target)
      fail(
        'Target',
        type === 'person'
          ? `No person with the email ${text}.`
          : type === 'group'
            ? `There is no group named "${text}".`
            : `There is no unit with the code or path "${text}".`,
      );
    else if (target.archived)
      fail(
        'Target',
        type === 'person' ? `${target.name} has left the organisation.` : `${text} is archived.`,
      );
  }
  const code = cell(r, 'Module Code');
  const module = code ? facts.moduleByCode(code) : undefined;
  if (!code) fail('Module Code', 'The module code is missing.');
  else if (!module) fail('Module Code', `There is no module with the code ${code}.`);
  const statusText = cell(r, 'Status');
  const status = statusText.toLowerCase() as Requirement;
  if (!STATUSES.has(status))
    fail(
      'Status',
      statusText
        ? `"${statusText}" is not Required, Optional or Hidden.`
        : 'The status is missing: Required, Optional or Hidden.',
    );
  const months = parseValidityMonths(cell(r, 'Validity Months'));
  if (typeof months === 'string')
    fail('Validity Months', months.replace('for never', "for the module's default"));
  const due = parseDue(cell(r, 'Due Date'));
  if (typeof due === 'string') fail('Due Date', due);
  if (!target || !module || !STATUSES.has(status) || typeof months === 'string' || typeof due === 'string')
    return undefined;
  return {
    row: r.row,
    target,
    item: { moduleId: module.id, requirement: status, validityMonths: months, due },
  };
}

/**
 * Groups the rows of an assignments file by target into configurations: a
 * module's row replaces that module's item in the target's configuration that
 * already lists it, else joins the target's "(imported)" configuration (or its
 * oldest one), else a new "<target name> (imported)". Items the file does not
 * mention stay as they are. Pure over the facts, so the dry run and the commit agree.
 */
export function planAssignmentsImport(table: Table, facts: AssignmentFacts): AssignmentsPlan {
  const errors: CsvProblem[] = [...table.errors];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const before = errors.length;
    const p = parseRow(r, facts, (column, message) => errors.push({ row: r.row, column, message }));
    if (!p || errors.length > before) continue;
    const key = `${p.target.type}:${p.target.id}:${p.item.moduleId}`;
    const other = seen.get(key);
    if (other) {
      errors.push({
        row: r.row,
        column: 'Module Code',
        message: `Row ${other} already sets this module for ${p.target.name}: each target and module once.`,
      });
      continue;
    }
    seen.set(key, r.row);
    parsed.push(p);
  }

  const counts = { created: 0, updated: 0, unchanged: 0 };
  const changes = new Map<string, ConfigurationChange>();
  const configsOf = new Map<string, ExistingConfiguration[]>();
  for (const p of parsed) {
    const targetKey = `${p.target.type}:${p.target.id}`;
    let configs = configsOf.get(targetKey);
    if (!configs) {
      configs = facts.configurationsFor(p.target.type, p.target.id);
      configsOf.set(targetKey, configs);
    }
    const importedName = `${p.target.name} (imported)`.slice(0, 200);
    const home =
      configs.find((c) => c.items.some((i) => i.moduleId === p.item.moduleId)) ??
      configs.find((c) => c.name.toLowerCase() === importedName.toLowerCase()) ??
      configs[0];
    const changeKey = home ? home.id : `new:${targetKey}`;
    let change = changes.get(changeKey);
    if (!change) {
      change = {
        target: p.target,
        existingId: home?.id,
        name: home?.name ?? importedName,
        items: (home?.items ?? []).map((i) => ({ ...i })),
        rowOf: (home?.items ?? []).map(() => undefined),
        firstRow: p.row,
        dirty: !home,
      };
      changes.set(changeKey, change);
    }
    const at = change.items.findIndex((i) => i.moduleId === p.item.moduleId);
    const current = home?.items.find((i) => i.moduleId === p.item.moduleId);
    if (at < 0) {
      change.items.push(p.item);
      change.rowOf.push(p.row);
      change.dirty = true;
      counts.created++;
    } else {
      change.items[at] = p.item;
      change.rowOf[at] = p.row;
      if (current && sameItem(current, p.item)) counts.unchanged++;
      else {
        counts.updated++;
        change.dirty = true;
      }
    }
  }
  // A configuration whose every row matches what it already has needs no call at all.
  const needed = [...changes.values()].filter((c) => c.dirty);
  return { changes: needed, counts, errors: errors.sort((a, b) => a.row - b.row) };
}
