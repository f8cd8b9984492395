import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { competenceRepo, type CompetenceRow } from './competence-repo.js';
import { mappingRepo, type MappedModuleRow } from './mapping-repo.js';
import { labelOf } from './tree-view.js';

const shown = (m: { module_id?: string; id?: string; code: string; title: string; kind: string }) => ({
  moduleId: m.module_id ?? m.id ?? '',
  code: m.code,
  title: m.title,
  kind: m.kind,
});

/**
 * What setting the competence's modules to `moduleIds` changes: the modules
 * added (each with what its backfill would grant) and removed. Refuses unknown
 * modules, and new mappings to an archived competence (it grants nothing more).
 */
function plan(ctx: AuthedCtx, input: ParsedInput<'competences.mappingPreview'>) {
  const competence = competenceRepo(ctx.db).byId(input.competenceId);
  if (!competence) throw notFound('That competence');
  const repo = mappingRepo(ctx.db);
  const wanted = [...new Set(input.moduleIds)];
  const found = repo.existing(wanted);
  const missing = input.moduleIds.flatMap((id, i) => (found.has(id) ? [] : [i]));
  if (missing.length)
    throw new AppError('invalid_input', 'Some of the modules were not found: they may have been deleted.', {
      details: missing.map((i) => ({ path: `moduleIds.${i}`, message: 'This module was not found.' })),
    });
  const current = repo.ofCompetence(competence.id);
  const currentIds = new Set(current.map((m) => m.module_id));
  const added = wanted.flatMap((id) => {
    const m = found.get(id);
    return m && !currentIds.has(id) ? [m] : [];
  });
  const removed = current.filter((m) => !wanted.includes(m.module_id));
  if (added.length && competence.archived_at !== null)
    throw new AppError(
      'conflict',
      `${labelOf(competence)} is archived: bring it back before mapping modules to it.`,
      { details: [{ path: 'moduleIds', message: 'The competence is archived.' }] },
    );
  return { competence, current, added, removed };
}

function previewOf(ctx: AuthedCtx, p: ReturnType<typeof plan>): CallOutput<'competences.mappingPreview'> {
  const repo = mappingRepo(ctx.db);
  const people = new Set<string>();
  const added = p.added.map((m) => {
    for (const id of repo.newPeople(m.id, p.competence.id)) people.add(id);
    return { ...shown(m), ...repo.preview(m.id, p.competence.id) };
  });
  return {
    added,
    removed: p.removed.map(shown),
    people: people.size,
    grants: added.reduce((n, m) => n + m.grants, 0),
  };
}

export function previewMappings(
  input: ParsedInput<'competences.mappingPreview'>,
  ctx: AuthedCtx,
): CallOutput<'competences.mappingPreview'> {
  return previewOf(ctx, plan(ctx, input));
}

const codes = (list: readonly MappedModuleRow[] | readonly { code: string }[]) => list.map((m) => m.code);

/**
 * Sets the modules that give a competence (`003_*`): each new mapping backfills
 * everyone who already passed the module, dated from their own completion; a
 * removed mapping keeps every competence it gave.
 */
export function saveMappings(
  input: ParsedInput<'competences.saveMappings'>,
  ctx: AuthedCtx,
): CallOutput<'competences.saveMappings'> {
  const p = plan(ctx, input);
  const preview = previewOf(ctx, p);
  const repo = mappingRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  const competenceId = p.competence.id;
  for (const m of p.removed) repo.remove({ moduleId: m.module_id, competenceId });
  let grants = 0;
  for (const m of p.added) {
    repo.insert({ moduleId: m.id, competenceId, now, by: ctx.actor.id });
    grants += repo.backfill(m.id, competenceId, now);
  }
  audit(ctx, p.competence, p, { people: preview.people, grants });
  return { people: preview.people, grants, removed: p.removed.length };
}

function audit(
  ctx: AuthedCtx,
  competence: CompetenceRow,
  p: ReturnType<typeof plan>,
  granted: { people: number; grants: number },
) {
  const parts = [
    p.added.length ? `mapped ${codes(p.added).join(', ')}` : '',
    p.removed.length ? `unmapped ${codes(p.removed).join(', ')} (granted competences kept)` : '',
  ].filter(Boolean);
  const after = mappingRepo(ctx.db).ofCompetence(competence.id);
  ctx.audit({
    targetIds: [competence.id, ...p.added.map((m) => m.id), ...p.removed.map((m) => m.module_id)],
    summary: parts.length
      ? `Competence ${labelOf(competence)}: ${parts.join('; ')}; backfill gave ${granted.grants} grants to ${granted.people} people`
      : `Competence ${labelOf(competence)}: modules unchanged`,
    before: { modules: codes(p.current) },
    after: { modules: codes(after), ...granted },
  });
}
