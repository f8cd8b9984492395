import { Email } from '../../../shared/api/common.js';
import type { CsvProblem, Table, TableRow } from '../../csv/read-table.js';
import { unescapeFormula } from '../../csv/write-csv.js';
import type { KnownPerson } from './import-repo.js';
import { reportManagerLoops } from './import-loops.js';
import type { NamedEntry, UnitEntry } from './reference-repo.js';
import { unitResolver } from './unit-resolver.js';

/** A department or job title: one that exists, one the import will create, or none. */
export type NamedRef = { id: string } | { create: string } | null;

/** A valid row, resolved. `undefined` fields are columns the file leaves out: kept as they are. */
export interface PlannedRow {
  row: number;
  email: string;
  existing: KnownPerson | undefined;
  firstName: string;
  lastName: string;
  employeeNo: string | null | undefined;
  unitId: string;
  department: NamedRef | undefined;
  jobTitle: NamedRef | undefined;
  /** Lower-cased email of the manager, in the file or the database. */
  managerEmail: string | null | undefined;
  status: 'active' | 'left' | undefined;
  /** For existing people, the fields that differ; empty means unchanged. */
  changed: string[];
}

export interface ImportFacts {
  units: readonly UnitEntry[];
  unitsInScope: ReadonlySet<string>;
  departments: readonly NamedEntry[];
  jobTitles: readonly NamedEntry[];
  /** Everyone the file names (rows and managers) who already exists, by lower-cased email. */
  known: ReadonlyMap<string, KnownPerson>;
  /** Which of `known` the importer's people.import reach covers. */
  knownInScope: ReadonlySet<string>;
  /** Lower-cased usernames already taken, with whose they are. */
  usernames: ReadonlyMap<string, string>;
  /** Lower-cased employee numbers already taken, with whose they are. */
  employeeNos: ReadonlyMap<string, string>;
  /** The reporting line above the people the file names: id → manager id, email and name. */
  above: ReadonlyMap<string, { email: string; name: string; managerId: string | null }>;
  /** Active people in the importer's reach (only loaded with "deactivate missing"). */
  activeInScope: readonly KnownPerson[];
}

export interface ImportPlan {
  /** Ids of the people already in Fieldbook that the file names, by lower-cased email (rows and managers). */
  knownIds: Map<string, string>;
  creates: PlannedRow[];
  updates: PlannedRow[];
  unchanged: number;
  deactivate: KnownPerson[];
  newDepartments: string[];
  newJobTitles: string[];
  errors: CsvProblem[];
}

const MAX_NAME = 120;
const cell = (r: TableRow, column: string): string | undefined => {
  const v = r.values[column];
  return v === undefined ? undefined : unescapeFormula(v).trim();
};
const lower = (s: string) => s.toLowerCase();

/** The emails and employee numbers a file mentions, to look them all up in a few queries. */
export function fileKeys(table: Table) {
  const emails = new Set<string>();
  const employeeNos = new Set<string>();
  for (const r of table.rows) {
    for (const col of ['Email', 'Manager Email']) {
      const v = cell(r, col);
      if (v) emails.add(lower(v));
    }
    const no = cell(r, 'Employee Number');
    if (no) employeeNos.add(no);
  }
  return { emails, employeeNos };
}

/** Matches names case-insensitively; an unknown one is created once, spelled as first written. */
function namedResolver(existing: readonly NamedEntry[]) {
  const byName = new Map(existing.map((e) => [lower(e.name), e.id]));
  const created = new Map<string, string>();
  return {
    resolve(name: string | undefined): NamedRef | undefined {
      if (name === undefined) return undefined;
      if (!name) return null;
      const id = byName.get(lower(name));
      if (id) return { id };
      if (!created.has(lower(name))) created.set(lower(name), name);
      return { create: created.get(lower(name)) ?? name };
    },
    created: () => [...created.values()],
  };
}

const sameRef = (ref: NamedRef | undefined, id: string | null) =>
  ref === undefined || (ref === null ? id === null : 'id' in ref && ref.id === id);

/**
 * Checks a people file against the organisation and the importer's scope, and
 * works out what importing it would do. Pure over the facts loaded for this
 * file, so validating and committing agree by construction.
 */
export function planPeopleImport(
  table: Table,
  facts: ImportFacts,
  opts: { actorId: string; actorRank: number; deactivateMissing: boolean },
): ImportPlan {
  const errors: CsvProblem[] = [...table.errors];
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const resolveUnit = unitResolver(facts.units);
  const departments = namedResolver(facts.departments);
  const jobTitles = namedResolver(facts.jobTitles);
  const knownById = new Map([...facts.known.values()].map((k) => [k.id, k]));

  // First pass: every email in the file, so a manager may be named before their own row.
  const firstRowOf = new Map<string, number>();
  const employeeNoRow = new Map<string, { row: number; email: string }>();
  const nameOf = new Map<string, string>();
  for (const r of table.rows) {
    const e = lower(cell(r, 'Email') ?? '');
    if (e && !firstRowOf.has(e)) {
      firstRowOf.set(e, r.row);
      nameOf.set(e, `${cell(r, 'First Name') ?? ''} ${cell(r, 'Last Name') ?? ''}`.trim() || e);
    }
  }

  const planned: PlannedRow[] = [];
  for (const r of table.rows) {
    const before = errors.length;
    const rawEmail = cell(r, 'Email') ?? '';
    const parsed = Email.safeParse(rawEmail);
    const email = parsed.success ? parsed.data : lower(rawEmail);
    if (!rawEmail) fail(r.row, 'Email', 'The email is missing.');
    else if (!parsed.success) fail(r.row, 'Email', `"${rawEmail}" is not a valid email address.`);
    else if (firstRowOf.get(email) !== r.row)
      fail(r.row, 'Email', `${email} is also on row ${firstRowOf.get(email)}: each person once.`);

    const firstName = cell(r, 'First Name') ?? '';
    const lastName = cell(r, 'Last Name') ?? '';
    for (const [col, v] of [
      ['First Name', firstName],
      ['Last Name', lastName],
    ] as const) {
      if (!v) fail(r.row, col, `The ${lower(col)} is missing.`);
      else if (v.length > MAX_NAME) fail(r.row, col, `Use at most ${MAX_NAME} characters.`);
    }

    const existing = facts.known.get(email);
    const employeeNoCell = cell(r, 'Employee Number');
    const employeeNo = employeeNoCell === undefined ? undefined : employeeNoCell || null;
    if (employeeNo) {
      const key = lower(employeeNo);
      const other = employeeNoRow.get(key);
      const holder = facts.employeeNos.get(key);
      // A number that moves between two people of the same file is fine; the commit frees it first.
      const holderEmail = holder ? knownById.get(holder)?.email : undefined;
      const holderKeeps = holder && (!holderEmail || !firstRowOf.has(lower(holderEmail)));
      if (employeeNo.length > 64) fail(r.row, 'Employee Number', 'Use at most 64 characters.');
      else if (other && other.email !== email)
        fail(r.row, 'Employee Number', `Employee number ${employeeNo} is also on row ${other.row}.`);
      else if (holder && holder !== existing?.id && holderKeeps)
        fail(r.row, 'Employee Number', `Employee number ${employeeNo} already belongs to someone else.`);
      if (!other) employeeNoRow.set(key, { row: r.row, email });
    }

    const unitText = cell(r, 'Unit') ?? '';
    let unitId = '';
    if (!unitText) fail(r.row, 'Unit', 'The unit is missing.');
    else {
      const m = resolveUnit(unitText);
      if ('error' in m) fail(r.row, 'Unit', m.error);
      else if (m.unit.archived_at) fail(r.row, 'Unit', `${m.unit.path} is archived.`);
      else if (!facts.unitsInScope.has(m.unit.id))
        fail(r.row, 'Unit', `${m.unit.path} is outside your scope: you cannot import people there.`);
      else unitId = m.unit.id;
    }

    const deptName = cell(r, 'Department');
    const titleName = cell(r, 'Job Title');
    if (deptName && deptName.length > MAX_NAME)
      fail(r.row, 'Department', `Use at most ${MAX_NAME} characters.`);
    if (titleName && titleName.length > MAX_NAME)
      fail(r.row, 'Job Title', `Use at most ${MAX_NAME} characters.`);

    const managerCell = cell(r, 'Manager Email');
    let managerEmail: string | null | undefined = managerCell === undefined ? undefined : null;
    if (managerCell) {
      const m = Email.safeParse(managerCell);
      if (!m.success) fail(r.row, 'Manager Email', `"${managerCell}" is not a valid email address.`);
      else if (m.data === email) fail(r.row, 'Manager Email', 'A person cannot be their own manager.');
      else if (!firstRowOf.has(m.data) && !facts.known.has(m.data))
        fail(r.row, 'Manager Email', `No person with the email ${m.data}, in this file or in Fieldbook.`);
      else managerEmail = m.data;
    }

    const statusCell = cell(r, 'Status');
    const status = statusCell === undefined ? undefined : statusCell ? lower(statusCell) : 'active';
    if (status !== undefined && status !== 'active' && status !== 'left')
      fail(r.row, 'Status', `The status must be "active", "left" or empty, not "${statusCell}".`);
    if (status === 'left' && existing?.id === opts.actorId)
      fail(r.row, 'Status', 'You cannot deactivate yourself.');

    if (existing && !facts.knownInScope.has(existing.id))
      fail(r.row, 'Email', `${email} is outside your scope: you cannot change them.`);
    if (!existing && parsed.success && facts.usernames.has(email))
      fail(r.row, 'Email', `${email} is already the username of someone else.`);
    if (errors.length > before) continue;

    const p: PlannedRow = {
      row: r.row,
      email,
      existing,
      firstName,
      lastName,
      employeeNo,
      unitId,
      department: departments.resolve(deptName),
      jobTitle: jobTitles.resolve(titleName),
      managerEmail,
      status: status as 'active' | 'left' | undefined,
      changed: [],
    };
    if (existing) {
      p.changed = changedFields(p, existing, facts);
      // 004's rank rule: nobody changes someone ranked above them. An unchanged row changes nothing.
      if (p.changed.length && existing.rank > opts.actorRank)
        fail(r.row, 'Email', `${email} holds a higher role than you, so you cannot change them.`);
    }
    planned.push(p);
  }

  reportManagerLoops(planned, facts, nameOf, errors);
  const bad = new Set(errors.map((e) => e.row));
  const ok = planned.filter((p) => !bad.has(p.row));
  const inFile = new Set(firstRowOf.keys());
  const deactivate = opts.deactivateMissing
    ? facts.activeInScope.filter(
        // Never the importer, and never someone ranked above them: the rank rule holds for absences too.
        (k) => !inFile.has(lower(k.email)) && k.id !== opts.actorId && k.rank <= opts.actorRank,
      )
    : [];
  return {
    knownIds: new Map([...facts.known].map(([email, k]) => [email, k.id])),
    creates: ok.filter((p) => !p.existing),
    updates: ok.filter((p) => p.existing && p.changed.length),
    unchanged: ok.filter((p) => p.existing && !p.changed.length).length,
    deactivate,
    newDepartments: namesUsed(ok, 'department'),
    newJobTitles: namesUsed(ok, 'jobTitle'),
    errors: errors.sort((a, b) => a.row - b.row),
  };
}

/** New departments or job titles that valid rows actually use, once each. */
function namesUsed(rows: readonly PlannedRow[], field: 'department' | 'jobTitle'): string[] {
  const names = new Map<string, string>();
  for (const p of rows) {
    const ref = p[field];
    if (ref && 'create' in ref) names.set(lower(ref.create), ref.create);
  }
  return [...names.values()];
}

function changedFields(p: PlannedRow, k: KnownPerson, facts: ImportFacts): string[] {
  const changed: string[] = [];
  if (p.firstName !== k.first_name) changed.push('firstName');
  if (p.lastName !== k.last_name) changed.push('lastName');
  if (p.employeeNo !== undefined && (p.employeeNo ?? null) !== k.employee_no) changed.push('employeeNo');
  if (p.unitId !== k.unit_id) changed.push('unitId');
  if (!sameRef(p.department, k.department_id)) changed.push('departmentId');
  if (!sameRef(p.jobTitle, k.job_title_id)) changed.push('jobTitleId');
  if (p.managerEmail !== undefined) {
    const managerId = p.managerEmail === null ? null : (facts.known.get(p.managerEmail)?.id ?? 'new');
    if (managerId !== k.manager_id) changed.push('managerId');
  }
  if (p.status !== undefined && p.status !== k.status) changed.push('status');
  return changed;
}
