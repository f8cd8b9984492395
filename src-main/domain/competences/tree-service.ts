import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { AppError, conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { competenceRepo, type CompetenceRow } from './competence-repo.js';
import { mappingRepo, type MappedModuleRow } from './mapping-repo.js';
import { labelOf, nodeOf, treeOrder } from './tree-view.js';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', message, { details: [{ path, message }] });

/** One node as the screens show it, with the modules that give it. */
export function competenceNode(ctx: AuthedCtx, id: string) {
  const row = competenceRepo(ctx.db).byId(id);
  if (!row) throw notFound('That competence');
  return nodeOf(row, mappingRepo(ctx.db).ofCompetence(id));
}

export function getTree(
  input: ParsedInput<'competences.tree'>,
  ctx: AuthedCtx,
): CallOutput<'competences.tree'> {
  const rows = competenceRepo(ctx.db)
    .all()
    // Archiving takes the subtree with it, so hiding archived nodes leaves no orphans.
    .filter((r) => input.includeArchived || r.archived_at === null);
  const modules = new Map<string, MappedModuleRow[]>();
  for (const m of mappingRepo(ctx.db).all())
    modules.set(m.competence_id, [...(modules.get(m.competence_id) ?? []), m]);
  return {
    nodes: treeOrder(rows).map((r) => nodeOf(r, modules.get(r.id) ?? [])),
    canManage: ctx.actor.privileges.has('competences.manage'),
  };
}

/** The parent a competence may go under: it exists, is not archived, and is not the competence or below it. */
function checkParent(ctx: AuthedCtx, parentId: string | null, self: CompetenceRow | null): void {
  if (parentId === null) return;
  const repo = competenceRepo(ctx.db);
  const parent = repo.byId(parentId);
  if (!parent) throw invalid('parentId', 'The parent competence was not found: pick another.');
  if (parent.archived_at !== null)
    throw invalid(
      'parentId',
      `${labelOf(parent)} is archived: bring it back before putting competences under it.`,
    );
  if (self && repo.subtreeIds(self.id).includes(parentId))
    throw invalid(
      'parentId',
      parentId === self.id
        ? `${labelOf(self)} cannot be its own parent.`
        : `${labelOf(self)} cannot move under its own sub-competence ${labelOf(parent)}.`,
    );
}

export function saveCompetence(
  input: ParsedInput<'competences.save'>,
  ctx: AuthedCtx,
): CallOutput<'competences.save'> {
  const repo = competenceRepo(ctx.db);
  const before = input.id ? repo.byId(input.id) : null;
  if (input.id && !before) throw notFound('That competence');
  const taken = repo.byCode(input.code);
  if (taken && taken.id !== input.id)
    throw new AppError('conflict', `The code ${input.code} is already used by ${labelOf(taken)}.`, {
      details: [{ path: 'code', message: `Already used by ${labelOf(taken)}.` }],
    });
  // Only a new place is checked: an archived competence can still be renamed where it sits.
  if (!before || before.parent_id !== input.parentId) checkParent(ctx, input.parentId, before ?? null);
  const now = ctx.clock.now().toISOString();
  const id = input.id ?? ctx.ids.uuid();
  const fields = {
    id,
    code: input.code,
    name: input.name,
    description: input.description || null,
    parentId: input.parentId,
    defaultDays: input.defaultDays,
    now,
  };
  if (before) repo.update(fields);
  else repo.insert(fields);
  const after = competenceNode(ctx, id);
  const { modules: _m, ...shown } = after;
  ctx.audit({
    targetIds: [id],
    summary: before
      ? `Changed competence ${labelOf(after)}${before.default_days !== after.defaultDays ? ' (new default validity applies to new grants only)' : ''}`
      : `Created competence ${labelOf(after)}`,
    before: before ?? undefined,
    after: shown,
  });
  return after;
}

export function archiveCompetence(
  input: ParsedInput<'competences.archive'>,
  ctx: AuthedCtx,
): CallOutput<'competences.archive'> {
  const repo = competenceRepo(ctx.db);
  const row = repo.byId(input.id);
  if (!row) throw notFound('That competence');
  if (!input.archived && row.parent_id) {
    const parent = repo.byId(row.parent_id);
    if (parent?.archived_at) throw conflict(`${labelOf(parent)} is archived too: bring it back first.`);
  }
  const now = ctx.clock.now().toISOString();
  const changedIds = repo.setArchived(input.id, input.archived, now);
  const changed = changedIds.length;
  const below = changedIds.filter((id) => id !== input.id).length;
  const rest = below ? ` and ${below} below it` : '';
  const granted = input.archived ? null : backfillRestored(ctx, changedIds, now);
  ctx.audit({
    targetIds: [input.id],
    summary: granted
      ? `Brought back competence ${labelOf(row)}${rest}; backfill gave ${granted.grants} grants to ${granted.people} people`
      : `Archived competence ${labelOf(row)}${rest}`,
    before: { archived: row.archived_at !== null },
    after: { archived: input.archived, changed, ...granted },
  });
  return competenceNode(ctx, input.id);
}

/**
 * Completions recorded while a competence was archived gave it nothing (the triggers skip archived
 * competences): bringing it back grants them now, through every mapping of every node brought back,
 * exactly as saving those mappings would have.
 */
function backfillRestored(ctx: AuthedCtx, ids: readonly string[], now: string) {
  const mappings = mappingRepo(ctx.db);
  const people = new Set<string>();
  let grants = 0;
  for (const id of ids)
    for (const m of mappings.ofCompetence(id)) {
      for (const person of mappings.newPeople(m.module_id, id)) people.add(person);
      grants += mappings.backfill(m.module_id, id, now);
    }
  return { grants, people: people.size };
}
