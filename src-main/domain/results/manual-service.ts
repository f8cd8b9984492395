import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { isIsoDate, isoDateOf } from '../../../shared/dates.js';
import { can } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isModuleVisibleTo } from '../catalog/visibility-repo.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { requireAttachable } from '../files/attach.js';
import { personTarget } from '../permissions/target-repo.js';
import { recordResult } from './completion.js';
import { reviewRepo } from './review-repo.js';

const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/**
 * `001_*` manual results: one module, one date, one or many people, all in one
 * transaction. Any person who is unknown, has left or is outside the actor's
 * results.record reach refuses the whole call, with every one of them named.
 * The module must be one the actor can see (their catalog, or what they see as a
 * learner), and nobody records their own results: another manager vouches for them.
 */
export function recordManualResults(
  input: ParsedInput<'results.record'>,
  ctx: AuthedCtx,
): CallOutput<'results.record'> {
  const repo = reviewRepo(ctx.db);
  const m = repo.module(input.moduleId);
  if (!m) throw notFound('That module');
  const details: ErrorDetail[] = [];
  // Archived modules stay allowed: history is often recorded after a module is retired.
  const moduleRefusal = isModuleVisibleTo(
    ctx.db,
    ctx.actor.id,
    m.id,
    reachOf(ctx.actor.grants, 'catalog.view'),
  )
    ? null
    : `You cannot record results for “${m.title}”: it belongs to ${m.owner_name}, outside your catalog`;
  if (moduleRefusal) details.push({ path: 'moduleId', message: moduleRefusal });
  else if (m.status === 'draft')
    details.push({ path: 'moduleId', message: `${m.title} is a draft: publish it before recording results` });
  if (!isIsoDate(input.date)) details.push({ path: 'date', message: 'There is no such date' });
  else if (input.date > isoDateOf(ctx.clock.now()))
    details.push({ path: 'date', message: 'The date cannot be in the future' });

  const people: { id: string; name: string }[] = [];
  const refused: string[] = [];
  let outOfScope = moduleRefusal !== null;
  let self = false;
  const seen = new Set<string>();
  input.personIds.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    const path = `personIds.${i}`;
    const target = personTarget(ctx.db, id);
    const status = target ? repo.personStatus(id) : undefined;
    if (id === ctx.actor.id) {
      self = true;
      refused.push('yourself (ask another manager)');
      details.push({ path, message: 'You cannot record your own results; ask another manager' });
    } else if (!target) {
      refused.push(`an unknown person (${id})`);
      details.push({ path, message: 'There is no such person' });
    } else if (status !== 'active') {
      refused.push(`${target.name} (has left)`);
      details.push({ path, message: `${target.name} has left` });
    } else if (!can(ctx.actor, 'results.record', target).allowed) {
      outOfScope = true;
      refused.push(`${target.name} (outside your scope)`);
      details.push({ path, message: `${target.name} is outside the people you may record results for` });
    } else people.push({ id, name: target.name });
  });
  if (details.length) {
    const message = moduleRefusal
      ? `${moduleRefusal}.`
      : self && refused.length === 1
        ? 'You cannot record your own results; ask another manager.'
        : refused.length
          ? `You cannot record results for ${listNames(refused)}. Nothing was recorded.`
          : `${details[0]?.message ?? 'The input is not valid'}.`;
    throw new AppError(outOfScope || self ? 'forbidden' : 'invalid_input', message, { details });
  }
  // Only a file the actor uploaded or may open: attaching it lets the people's readers open it.
  if (input.evidenceFileId) requireAttachable(ctx, input.evidenceFileId, 'evidenceFileId');

  const rows = people.map((p) => {
    const written = recordResult(ctx, {
      personId: p.id,
      moduleId: m.id,
      version: null,
      status: input.status,
      date: input.date,
      score: input.score ?? null,
      note: input.note || null,
      evidenceFileId: input.evidenceFileId ?? null,
      source: 'manual',
      certificatesLater: true,
    });
    ctx.audit({
      targetIds: [p.id, m.id, written.resultId, ...(written.recordId ? [written.recordId] : [])],
      summary: `Recorded ${input.status} for ${p.name} in ${m.title} on ${input.date}`,
      after: {
        status: input.status,
        date: input.date,
        score: input.score ?? null,
        note: input.note || null,
        evidenceFileId: input.evidenceFileId ?? null,
        recordId: written.recordId,
      },
    });
    return { personId: p.id, resultId: written.resultId, recordId: written.recordId };
  });
  // Completions may complete a configuration's certificate or earn a module's own: one re-check for all.
  const completed = rows.filter((r) => r.recordId).map((r) => r.personId);
  if (completed.length)
    syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
      personIds: completed,
      now: ctx.clock.now().toISOString(),
      uuid: () => ctx.ids.uuid(),
    });
  return { rows };
}
