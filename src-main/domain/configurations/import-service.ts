import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { ConfigurationCreate, ConfigurationUpdate } from '../../../shared/api/schemas/configurations.js';
import { ASSIGNMENT_COLUMNS } from '../../../shared/api/schemas/imports-catalog.js';
import type { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { readTable, type ColumnSpec, type CsvProblem } from '../../csv/read-table.js';
import { importSummary, trialRun, type ImportOp } from '../catalog/import-trial.js';
import { configurationsHandlers } from './handlers.js';
import { planAssignmentsImport, type ConfigurationChange } from './import-plan.js';
import { assignmentsImportRepo } from './import-repo.js';

/** Validity and due date may be left out of a file: blank means the module's default and no due date. */
const OPTIONAL = new Set(['Validity Months', 'Due Date']);
const SPECS: readonly ColumnSpec[] = ASSIGNMENT_COLUMNS.map((name) => ({
  name,
  required: !OPTIONAL.has(name),
}));

const ITEM_COLUMN: Record<string, string> = {
  moduleId: 'Module Code',
  requirement: 'Status',
  validityMonths: 'Validity Months',
  due: 'Due Date',
};

/**
 * A refusal names an item (`items.3.requirement`) when it can: that item's row
 * and column; anything else (scope, the target) is named on the configuration's first row.
 */
function problemsOf(change: ConfigurationChange, e: AppError): CsvProblem[] {
  const details = e.details?.length ? e.details : [{ path: '', message: e.message }];
  return details.map((d) => {
    const [head, index, field] = d.path.split('.');
    const row = head === 'items' ? change.rowOf[Number(index)] : undefined;
    if (row !== undefined)
      return {
        row,
        column: ITEM_COLUMN[field ?? ''] ?? 'Module Code',
        message: /[.!?]$/.test(d.message) ? d.message : `${d.message}.`,
      };
    return { row: change.firstRow, column: 'Target', message: e.message };
  });
}

function opFor(change: ConfigurationChange): ImportOp {
  const handlers = configurationsHandlers();
  const existingId = change.existingId;
  return {
    problems: (e) => problemsOf(change, e),
    run: (ctx) =>
      void (existingId
        ? handlers['configurations.update'](
            ConfigurationUpdate.parse({ id: existingId, items: change.items }),
            ctx,
          )
        : handlers['configurations.create'](
            ConfigurationCreate.parse({
              name: change.name,
              targetType: change.target.type,
              targetId: change.target.id,
              items: change.items,
            }),
            ctx,
          )),
  };
}

function run(input: ParsedInput<'assignments.import.validate'>, ctx: AuthedCtx, commit: boolean) {
  const table = readTable(Buffer.from(input.content, 'base64'), {
    columns: SPECS,
    ignore: ['Error'],
    encoding: input.encoding,
  });
  const none = { created: 0, updated: 0, unchanged: 0 };
  if (table.errors.some((e) => e.row === 1)) return importSummary(table, table.errors, none, false);
  const plan = planAssignmentsImport(table, assignmentsImportRepo(ctx.db));
  const errors = [...plan.errors];
  // Rows fine on their own still go through the configurations service, so scope and its rules apply.
  errors.push(...trialRun(ctx, plan.changes.map(opFor), commit && !errors.length));
  const committed = commit && !errors.length;
  const c = plan.counts;
  if (committed)
    ctx.audit({
      summary: `Imported assignments from ${input.fileName}: ${c.created} added, ${c.updated} changed, ${c.unchanged} unchanged`,
    });
  else if (commit)
    ctx.audit({
      summary: `Refused to import assignments from ${input.fileName}: ${errors.length} problems, nothing imported`,
    });
  return importSummary(table, errors, plan.counts, committed);
}

export const validateAssignmentsImport = (
  input: ParsedInput<'assignments.import.validate'>,
  ctx: AuthedCtx,
): CallOutput<'assignments.import.validate'> => run(input, ctx, false);

/** Checks the file again and imports it in the call's one transaction, or nothing. */
export const commitAssignmentsImport = (
  input: ParsedInput<'assignments.import.commit'>,
  ctx: AuthedCtx,
): CallOutput<'assignments.import.commit'> => run(input, ctx, true);
