import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { AuthedCtx } from '../../app/context.js';
import { competenceCodeKey } from '../../../shared/competences/code-key.js';
import { readTable } from '../../csv/read-table.js';
import { competenceRepo } from './competence-repo.js';
import { planTreeImport, TREE_COLUMNS } from './tree-import-plan.js';

const COLUMNS = TREE_COLUMNS.map((name) => ({ name, required: name === 'Code' || name === 'Name' }));

/**
 * Creates and updates the competence tree from a CSV (the CLI's `fieldbook
 * competences import`): all of it, or — with any problem, or as a dry run —
 * nothing. The answer reports the counts either way; one audit entry says what happened.
 */
export function importTree(
  input: ParsedInput<'competences.importTree'>,
  ctx: AuthedCtx,
): CallOutput<'competences.importTree'> {
  const table = readTable(Buffer.from(input.base64, 'base64'), { columns: COLUMNS, ignore: ['Error'] });
  const repo = competenceRepo(ctx.db);
  const plan = table.errors.length
    ? { creates: [], updates: [], unchanged: 0, errors: table.errors }
    : planTreeImport(table.rows, repo.all());
  const counts = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
  const errors = plan.errors.map((e) => ({ row: e.row, column: e.column, message: e.message }));
  const written = errors.length === 0 && !input.dryRun;
  const tally = `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;

  const ids = new Map(repo.all().map((c) => [competenceCodeKey(c.code), c.id]));
  if (written) {
    const now = ctx.clock.now().toISOString();
    // New nodes first without a parent, then every parent: the file may name a parent after its children.
    for (const c of plan.creates) {
      const id = ctx.ids.uuid();
      ids.set(competenceCodeKey(c.code), id);
      repo.insert({
        id,
        code: c.code,
        name: c.name,
        description: null,
        parentId: null,
        defaultDays: c.defaultDays,
        now,
      });
    }
    for (const c of [...plan.creates, ...plan.updates])
      repo.update({
        id: ids.get(competenceCodeKey(c.code)) ?? '',
        code: c.existing?.code ?? c.code,
        name: c.name,
        description: c.existing?.description ?? null,
        parentId: c.parentCode === null ? null : (ids.get(c.parentCode) ?? null),
        defaultDays: c.defaultDays,
        now,
      });
  }
  ctx.audit({
    targetIds: written
      ? [...plan.creates, ...plan.updates].map((c) => ids.get(competenceCodeKey(c.code)) ?? '')
      : [],
    summary: written
      ? `Imported the competence tree from ${input.fileName}: ${tally}`
      : errors.length
        ? `Refused to import the competence tree from ${input.fileName}: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}, nothing written`
        : `Checked the competence tree in ${input.fileName} (dry run, nothing written): ${tally}`,
    before: written ? plan.updates.map((u) => u.existing) : undefined,
    after: written
      ? {
          counts,
          created: plan.creates.map(({ code, name, parentCode, defaultDays }) => ({
            code,
            name,
            parentCode,
            defaultDays,
          })),
          updated: plan.updates.map(({ code, name, parentCode, defaultDays }) => ({
            code,
            name,
            parentCode,
            defaultDays,
          })),
        }
      : { ...counts, errors: errors.length },
  });
  return { ...counts, errors, written };
}
