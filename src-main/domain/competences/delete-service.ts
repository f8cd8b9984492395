import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { competenceRepo } from './competence-repo.js';
import { labelOf } from './tree-view.js';

export function deleteImpact(
  input: ParsedInput<'competences.deleteImpact'>,
  ctx: AuthedCtx,
): CallOutput<'competences.deleteImpact'> {
  const repo = competenceRepo(ctx.db);
  if (!repo.byId(input.id)) throw notFound('That competence');
  return repo.impact(input.id);
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * Deletes a competence and its subtree, and with them every grant of them
 * (`003_*`: removed from everyone who holds it). The person confirmed a number
 * of people; if it is no longer true, nothing is deleted. Every removed row is
 * kept in the audit entry's `before`.
 */
export function deleteCompetence(
  input: ParsedInput<'competences.delete'>,
  ctx: AuthedCtx,
): CallOutput<'competences.delete'> {
  const repo = competenceRepo(ctx.db);
  const row = repo.byId(input.id);
  if (!row) throw notFound('That competence');
  const impact = repo.impact(input.id);
  if (impact.people !== input.confirmPeople)
    throw conflict(
      `${people(impact.people)} ${impact.people === 1 ? 'holds' : 'hold'} ${labelOf(row)} now, not ${input.confirmPeople}: look again before deleting.`,
    );
  const before = repo.removedRows(input.id);
  repo.deleteSubtree(input.id);
  ctx.audit({
    targetIds: before.competences.map((c) => c.id),
    summary: `Deleted competence ${labelOf(row)} and ${impact.competences - 1} below it; removed from ${people(impact.people)}`,
    before,
    after: impact,
  });
  return impact;
}
