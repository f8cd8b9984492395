import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { expiringUntil } from '../../../shared/compliance/status.js';
import type { CompetenceStatus } from '../../../shared/competences/status.js';
import { isoDateOf } from '../../../shared/dates.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { expiringDays } from '../compliance/service.js';
import { matrixRepo, type ColumnDbRow, type MatrixFilter } from './matrix-repo.js';

/** What the matrix and the report share: who and which competences, as of which day. */
export interface CompetenceScope {
  asOf?: string | undefined;
  unitId?: string | undefined;
  categoryId?: string | undefined;
}

/**
 * The filter for the viewer: their reports.view reach, on a day (default today),
 * with the organisation's warning window; the columns are chosen here, once.
 */
export function competenceFilter(
  ctx: AuthedCtx,
  q: CompetenceScope & { q?: string | undefined; status?: CompetenceStatus | undefined },
): { filter: MatrixFilter; columns: ColumnDbRow[] } {
  const repo = matrixRepo(ctx.db);
  if (q.unitId && !repo.unitExists(q.unitId)) throw notFound('That unit');
  if (q.categoryId && !repo.competenceExists(q.categoryId)) throw notFound('That competence category');
  const asOf = q.asOf ?? isoDateOf(ctx.clock.now());
  const columns = repo.columns(q.categoryId);
  return {
    columns,
    filter: {
      reach: reachOf(ctx.actor.grants, 'reports.view'),
      selfId: ctx.actor.id,
      asOf,
      // valid-until is the last valid day, so a window of N days ends the day before asOf + N.
      expiringUntil: expiringUntil(asOf, expiringDays(ctx.db) - 1),
      unitId: q.unitId,
      search: q.q || undefined,
      status: q.status,
      columnIds: columns.map((c) => c.id),
      everyColumn: !q.categoryId,
    },
  };
}

/** People × competences: one query for the counts (and total), one for the page, one for its cells. */
export function competenceMatrix(
  ctx: AuthedCtx,
  q: ParsedInput<'competences.matrix'>,
): CallOutput<'competences.matrix'> {
  const { filter, columns } = competenceFilter(ctx, q);
  const repo = matrixRepo(ctx.db);
  const { people, ...counts } = repo.counts(filter);
  const page = repo.page(filter, q);
  const held = new Map<string, { status: CompetenceStatus; validUntil: string | null }>();
  const cells = repo.cells(
    filter,
    page.map((p) => p.id),
  );
  for (const c of cells)
    held.set(`${c.person_id}|${c.competence_id}`, { status: c.status, validUntil: c.valid_until });
  const missing = { status: 'missing', validUntil: null } as const;
  return {
    asOf: filter.asOf,
    columns,
    rows: page.map((p) => ({
      personId: p.id,
      name: `${p.first_name} ${p.last_name}`,
      email: p.email,
      unitName: p.unit_name,
      cells: columns.map((c) => held.get(`${p.id}|${c.id}`) ?? missing),
    })),
    total: people,
    counts,
  };
}
