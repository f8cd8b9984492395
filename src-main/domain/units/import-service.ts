import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { UNIT_COLUMNS, type UnitsImportSummary } from '../../../shared/api/schemas/units.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { readTable } from '../../csv/read-table.js';
import { errorCsv } from '../../csv/write-csv.js';
import { planUnitImport, type UnitImportPlan } from './import-plan.js';
import { unitsRepo } from './repo.js';
import { reaches } from './require-reach.js';

const COLUMNS = UNIT_COLUMNS.map((name) => ({ name, required: name === 'Code' || name === 'Name' }));

/** Reads and plans a units file; nothing is written. */
function prepare(input: ParsedInput<'units.import.validate'>, ctx: AuthedCtx) {
  const bytes = Buffer.from(input.content, 'base64');
  const table = readTable(bytes, { columns: COLUMNS, ignore: ['Error'], encoding: input.encoding });
  const facts = { encoding: table.encoding, delimiter: table.delimiter };
  const plan: UnitImportPlan = table.errors.length
    ? { creates: [], updates: [], unchanged: 0, errors: table.errors }
    : planUnitImport(
        table.rows,
        unitsRepo(ctx.db)
          .all()
          .map((u) => ({
            id: u.id,
            parentId: u.parent_id,
            name: u.name,
            code: u.code,
            level: u.level,
            kind: u.kind,
            archived: u.archived_at !== null,
          })),
        { canManage: (unit) => reaches(ctx.actor, 'units.manage', unit) },
      );
  const byRow = new Map<number, string[]>();
  for (const e of plan.errors)
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), `${e.column ? `${e.column}: ` : ''}${e.message}`]);
  const summary: UnitsImportSummary = {
    ...facts,
    committed: false,
    counts: {
      created: plan.creates.length,
      updated: plan.updates.length,
      deleted: 0,
      unchanged: plan.unchanged,
    },
    errors: plan.errors,
    errorCsv: plan.errors.length && table.header.length ? errorCsv(table.header, table.rows, byRow) : null,
  };
  return { plan, summary };
}

export function validateUnitsImport(
  input: ParsedInput<'units.import.validate'>,
  ctx: AuthedCtx,
): CallOutput<'units.import.validate'> {
  return prepare(input, ctx).summary;
}

/**
 * Commits a units file: all of it in the call's one transaction, or nothing.
 * A file with problems is refused as invalid input (validate first to get the
 * summary and the error file): returning normally would still audit the call.
 */
export function commitUnitsImport(
  input: ParsedInput<'units.import.commit'>,
  ctx: AuthedCtx,
): CallOutput<'units.import.commit'> {
  const { plan, summary } = prepare(input, ctx);
  const first = plan.errors[0];
  if (first)
    throw new AppError(
      'invalid_input',
      `Nothing was imported: ${plan.errors.length} ${plan.errors.length === 1 ? 'problem' : 'problems'} found (row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message})`,
      {
        details: plan.errors.map((e) => ({
          path: `row ${e.row}${e.column ? `.${e.column}` : ''}`,
          message: e.message,
        })),
      },
    );
  const repo = unitsRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  const ids = new Map<string, string>();
  const idOf = (key: string) => ids.get(key) ?? key;
  for (const c of plan.creates) {
    // Parents come first, so a new unit's new parent already has its id.
    ids.set(c.key, ctx.ids.uuid());
    repo.insert({
      id: idOf(c.key),
      parentId: idOf(c.parentKey),
      kind: c.kind,
      name: c.name,
      code: c.code,
      level: c.level,
      now,
    });
  }
  for (const { unit, before } of plan.updates) {
    repo.update(before.id, { name: unit.name, code: before.code, level: unit.level, kind: unit.kind });
    if (unit.parentKey && unit.parentKey !== before.parentId) repo.setParent(before.id, idOf(unit.parentKey));
  }
  const c = summary.counts;
  ctx.audit({
    targetIds: [...plan.creates.map((u) => idOf(u.key)), ...plan.updates.map((u) => u.before.id)],
    summary: `Imported units: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`,
    after: {
      created: plan.creates.map((u) => ({ code: u.code, name: u.name, level: u.level })),
      updated: plan.updates.map(({ unit, before }) => ({
        code: unit.code,
        before: { name: before.name, level: before.level, parentId: before.parentId },
        after: { name: unit.name, level: unit.level, parentId: idOf(unit.parentKey) },
      })),
    },
  });
  return { ...summary, committed: true };
}
