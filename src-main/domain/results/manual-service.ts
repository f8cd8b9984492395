import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { isIsoDate, isoDateOf } from '../../../shared/dates.js';
import { can } from '../../../shared/permissions/engine.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { personTarget } from '../permissions/target-repo.js';
import { recordResult } from './completion.js';
import { reviewRepo } from './review-repo.js';

const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/**
 * `001_*` manual results: one module, one date, one or many people, all in one
 * transaction. Any person who is unknown, has left or is outside the actor's
 * results.record reach refuses the whole call, with every one of them named.
 */
export function recordManualResults(
  input: ParsedInput<'results.record'>,
  ctx: AuthedCtx,
): CallOutput<'results.record'> {
  const repo = reviewRepo(ctx.db);
  const m = repo.module(input.moduleId);
  if (!m) throw notFound('That module');
  const details: ErrorDetail[] = [];
  if (m.status === 'draft')
    details.push({ path: 'moduleId', message: `${m.title} is a draft: publish it before recording results` });
  if (!isIsoDate(input.date)) details.push({ path: 'date', message: 'There is no such date' });
  else if (input.date > isoDateOf(ctx.clock.now()))
    details.push({ path: 'date', message: 'The date cannot be in the future' });
  if (input.evidenceFileId && !repo.fileExists(input.evidenceFileId))
    details.push({ path: 'evidenceFileId', message: 'That evidence file was not found' });

  const people: { id: string; name: string }[] = [];
  const refused: string[] = [];
  let outOfScope = false;
  const seen = new Set<string>();
  input.personIds.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    const path = `personIds.${i}`;
    const target = personTarget(ctx.db, id);
    const status = target ? repo.personStatus(id) : undefined;
    if (!target) {
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
    const message = refused.length
      ? `You cannot record results for ${listNames(refused)}. Nothing was recorded.`
      : `${details[0]?.message ?? 'The input is not valid'}.`;
    throw new AppError(outOfScope ? 'forbidden' : 'invalid_input', message, { details });
  }

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
  return { rows };
}
