import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { ModuleCreate, ModuleUpdate } from '../../../shared/api/schemas/catalog.js';
import { MODULE_COLUMNS } from '../../../shared/api/schemas/imports-catalog.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { readTable, type CsvProblem, type ColumnSpec } from '../../csv/read-table.js';
import { writeCsv } from '../../csv/write-csv.js';
import { orgRepo } from '../org/repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { reaches } from '../units/require-reach.js';
import { createModule, updateModule } from './edit-service.js';
import { planModulesImport, typeWord, type ModuleRowPlan } from './import-plan.js';
import { columnProblems, importSummary, trialRun, type ImportOp } from './import-trial.js';
import { catalogImportRepo } from './import-repo.js';
import { moduleRepo } from './module-repo.js';

/** Code, title and type make a module; a file without the other two keeps what existing modules have. */
const REQUIRED = new Set(['Code', 'Title', 'Type']);
const SPECS: readonly ColumnSpec[] = MODULE_COLUMNS.map((name) => ({ name, required: REQUIRED.has(name) }));

/** Fields of modules.create/update, by the column they come from. */
const COLUMN_OF: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  kind: 'Type',
  defaultValidityMonths: 'Default Validity Months',
  trainingRecord: 'Training Record',
};

/** The unit that owns new modules: the one asked for, else the organisation (the root unit). */
function ownerOf(ctx: AuthedCtx, ownerUnitId: string | undefined) {
  const id = ownerUnitId ?? orgRepo(ctx.db).organisation()?.id;
  const facts = id ? unitFacts(ctx.db, id) : undefined;
  if (!facts || !id) {
    const message = 'There is no such unit to own the new modules';
    throw new AppError('invalid_input', `${message}.`, { details: [{ path: 'ownerUnitId', message }] });
  }
  const name = catalogImportRepo(ctx.db).unitName(id) ?? 'that unit';
  return {
    id,
    allowed: reaches(ctx.actor, 'catalog.manage', facts),
    refusal: ownerUnitId
      ? `You cannot add modules for ${name}.`
      : 'You cannot add modules for the whole organisation: choose an owner unit within your scope.',
  };
}

function opFor(p: ModuleRowPlan, ownerUnitId: string): ImportOp {
  const problems = (e: AppError) => columnProblems(e, p.row, COLUMN_OF, 'Code');
  if (!p.existing)
    return {
      problems,
      run: (ctx) =>
        void createModule(
          ModuleCreate.parse({
            code: p.code,
            title: p.title,
            kind: p.kind,
            ownerUnitId,
            defaultValidityMonths: p.validity ?? null,
            trainingRecord: p.trainingRecord ?? true,
          }),
          ctx,
        ),
    };
  const id = p.existing.id;
  return {
    problems,
    run: (ctx) =>
      void updateModule(
        ModuleUpdate.parse({
          id,
          ...(p.changed.includes('title') && { title: p.title }),
          ...(p.changed.includes('defaultValidityMonths') && { defaultValidityMonths: p.validity }),
          ...(p.changed.includes('trainingRecord') && { trainingRecord: p.trainingRecord }),
        }),
        ctx,
      ),
  };
}

function run(input: ParsedInput<'modules.import.validate'>, ctx: AuthedCtx, commit: boolean) {
  const table = readTable(Buffer.from(input.content, 'base64'), {
    columns: SPECS,
    ignore: ['Error'],
    encoding: input.encoding,
  });
  const none = { created: 0, updated: 0, unchanged: 0 };
  if (table.errors.some((e) => e.row === 1)) return importSummary(table, table.errors, none, false);
  const owner = ownerOf(ctx, input.ownerUnitId);
  const repo = moduleRepo(ctx.db);
  const plan = planModulesImport(table, (code) => repo.byCode(code));
  const errors: CsvProblem[] = [...plan.errors];
  for (const p of plan.rows)
    if (!p.existing && !owner.allowed) errors.push({ row: p.row, column: 'Code', message: owner.refusal });
  const creates = plan.rows.filter((p) => !p.existing);
  const updates = plan.rows.filter((p) => p.existing && p.changed.length);
  const counts = { created: creates.length, updated: updates.length, unchanged: 0 };
  counts.unchanged = plan.rows.length - counts.created - counts.updated;
  // Rows that are fine on their own still go through the services, so every refusal is named at once.
  const ops = [...creates, ...updates].map((p) => opFor(p, owner.id));
  const refused = trialRun(ctx, ops, commit && !errors.length);
  errors.push(...refused);
  const committed = commit && !errors.length;
  if (committed)
    ctx.audit({
      summary: `Imported modules from ${input.fileName}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    });
  else if (commit)
    ctx.audit({
      summary: `Refused to import modules from ${input.fileName}: ${errors.length} problems, nothing imported`,
    });
  return importSummary(table, errors, counts, committed);
}

export const validateModulesImport = (
  input: ParsedInput<'modules.import.validate'>,
  ctx: AuthedCtx,
): CallOutput<'modules.import.validate'> => run(input, ctx, false);

/** Checks the file again (the catalog may have changed since the dry run) and imports it, or nothing. */
export const commitModulesImport = (
  input: ParsedInput<'modules.import.commit'>,
  ctx: AuthedCtx,
): CallOutput<'modules.import.commit'> => run(input, ctx, true);

/** The modules owned within the actor's catalog.view scope, by code, in the import layout. */
export function exportModules(
  _input: ParsedInput<'modules.export'>,
  ctx: AuthedCtx,
): CallOutput<'modules.export'> {
  const repo = moduleRepo(ctx.db);
  const reach = reachOf(ctx.actor.grants, 'catalog.view');
  const rows: string[][] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = repo.page({ reach, selfId: ctx.actor.id, sort: 'code', desc: false, offset, limit: 1000 });
    for (const m of page.rows)
      rows.push([
        m.code,
        m.title,
        typeWord(m.kind),
        m.default_validity_months === null ? '' : String(m.default_validity_months),
        m.training_record ? 'yes' : 'no',
      ]);
    if (page.rows.length < 1000) break;
  }
  return { fileName: 'modules.csv', csv: writeCsv(MODULE_COLUMNS, rows) };
}
