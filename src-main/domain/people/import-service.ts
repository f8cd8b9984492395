import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { PEOPLE_COLUMNS, type PeopleImportSummary } from '../../../shared/api/schemas/people-import.js';
import { rankOf } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import { readTable, type ColumnSpec, type Table } from '../../csv/read-table.js';
import { errorCsv } from '../../csv/write-csv.js';
import { applyPeopleImport } from './import-apply.js';
import { fileKeys, planPeopleImport, type ImportFacts, type ImportPlan } from './import-plan.js';
import { importRepo } from './import-repo.js';
import { referenceRepo } from './reference-repo.js';
import { isoDateOf } from '../../../shared/dates.js';
import { syncAll } from '../configurations/sync.js';

/** Email, names and unit make a person; a file may leave out the rest, which then stays as it is. */
const REQUIRED = new Set(['Email', 'First Name', 'Last Name', 'Unit']);
export const PEOPLE_COLUMN_SPECS: readonly ColumnSpec[] = PEOPLE_COLUMNS.map((name) => ({
  name,
  required: REQUIRED.has(name),
}));

function loadFacts(ctx: AuthedCtx, table: Table, deactivateMissing: boolean): ImportFacts {
  const reach = reachOf(ctx.actor.grants, 'people.import');
  const self = ctx.actor.id;
  const repo = importRepo(ctx.db);
  const refs = referenceRepo(ctx.db);
  const keys = fileKeys(table);
  const knownList = repo.byEmails(keys.emails);
  const lower = (s: string) => s.toLowerCase();
  return {
    units: refs.units(),
    unitsInScope: repo.unitsInReach(reach, self),
    departments: refs.allNamed('department'),
    jobTitles: refs.allNamed('job_title'),
    known: new Map(knownList.map((k) => [lower(k.email), k])),
    knownInScope: repo.inReach(
      knownList.map((k) => k.id),
      reach,
      self,
    ),
    usernames: new Map(repo.usernameHolders(keys.emails).map((u) => [lower(u.username), u.id])),
    employeeNos: new Map(repo.employeeNoHolders(keys.employeeNos).map((e) => [lower(e.employee_no), e.id])),
    above: new Map(
      repo
        .chainsAbove(knownList.map((k) => k.id))
        .map((a) => [a.id, { email: a.email, name: a.name, managerId: a.manager_id }]),
    ),
    activeInScope: deactivateMissing ? repo.activeInReach(reach, self) : [],
  };
}

function summaryOf(table: Table, plan: ImportPlan | null, committed: boolean): PeopleImportSummary {
  const errors = plan?.errors ?? table.errors;
  const byRow = new Map<number, string[]>();
  for (const e of errors)
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.column ? `${e.column}: ${e.message}` : e.message]);
  // Problems with the header or the file as a whole have no row to sit on: the list names them.
  const rowErrors = errors.some((e) => e.row > 1);
  return {
    committed,
    counts: {
      created: plan?.creates.length ?? 0,
      updated: plan?.updates.length ?? 0,
      unchanged: plan?.unchanged ?? 0,
      deactivated: plan?.deactivate.length ?? 0,
      deleted: 0,
    },
    errors,
    newDepartments: plan?.newDepartments ?? [],
    newJobTitles: plan?.newJobTitles ?? [],
    encoding: table.encoding,
    delimiter: table.delimiter,
    errorCsv: rowErrors ? errorCsv(table.header, table.rows, byRow) : null,
  };
}

function run(
  input: ParsedInput<'people.import.validate'>,
  ctx: AuthedCtx,
  commit: boolean,
): PeopleImportSummary {
  const table = readTable(Buffer.from(input.content, 'base64'), {
    columns: PEOPLE_COLUMN_SPECS,
    ignore: ['Error'],
    encoding: input.encoding,
  });
  // A file whose header is wrong has no rows worth checking.
  if (table.errors.some((e) => e.row === 1)) return summaryOf(table, null, false);
  const plan = planPeopleImport(table, loadFacts(ctx, table, input.deactivateMissing), {
    actorId: ctx.actor.id,
    actorRank: rankOf(ctx.actor.grants),
    deactivateMissing: input.deactivateMissing,
  });
  if (!commit || plan.errors.length) return summaryOf(table, plan, false);
  applyPeopleImport(plan, ctx, input.fileName);
  const summary = summaryOf(table, plan, true);
  const c = summary.counts;
  ctx.audit({
    summary: `Imported people from ${input.fileName}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deactivated} deactivated`,
  });
  return summary;
}

/** The dry run: everything the import would do and every problem, writing nothing. */
export const validatePeopleImport = (
  input: ParsedInput<'people.import.validate'>,
  ctx: AuthedCtx,
): CallOutput<'people.import.validate'> => run(input, ctx, false);

/**
 * Checks the file again (the data may have changed since the dry run) and
 * imports it in the call's one transaction, or, with any problem, imports
 * nothing and reports them as the dry run does.
 */
export function commitPeopleImport(
  input: ParsedInput<'people.import.commit'>,
  ctx: AuthedCtx,
): CallOutput<'people.import.commit'> {
  const summary = run(input, ctx, true);
  // People who moved, joined or left are covered (or no longer) by training configurations at once.
  if (summary.committed) {
    syncAll(ctx.db, isoDateOf(ctx.clock.now()), ctx.clock.now().toISOString());
    syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
      now: ctx.clock.now().toISOString(),
      uuid: () => ctx.ids.uuid(),
    });
  }
  if (!summary.committed)
    ctx.audit({
      summary: `Refused to import people from ${input.fileName}: ${summary.errors.length} problems, nothing imported`,
    });
  return summary;
}
