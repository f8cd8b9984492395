import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { AppError, conflict } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo, parseContent } from './module-repo.js';
import { publishProblems } from './publish-checks.js';
import { reachableModule } from './service.js';
import { usageRepo, type UsageCounts } from './usage-repo.js';
import { auditShape, freshDetail } from './view.js';

const kindWord = (kind: string) => kind.replace('_', ' ');

export function publishModule(
  input: ParsedInput<'modules.publish'>,
  ctx: AuthedCtx,
): CallOutput<'modules.publish'> {
  const m = reachableModule(ctx, input.id, 'catalog.manage');
  if (m.status === 'archived') throw conflict(`${m.title} is archived: restore it before publishing.`);
  if (m.current_version !== null && m.unpublished === 0)
    throw conflict(`Nothing has changed since version ${m.current_version}, so there is nothing to publish.`);
  const details = publishProblems(ctx.db, m, parseContent(m.draft));
  const first = details[0];
  if (first) {
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    throw new AppError('invalid_input', `${m.title} cannot be published yet: ${first.message}${more}.`, {
      details,
    });
  }
  const version = (m.current_version ?? 0) + 1;
  moduleRepo(ctx.db).publish(m, version, ctx.clock.now().toISOString(), ctx.actor.id);
  ctx.audit({
    targetIds: [m.id],
    summary: `Published ${kindWord(m.kind)} ${m.code} “${m.title}” as version ${version}`,
    before: { status: m.status, currentVersion: m.current_version },
    after: {
      status: 'published',
      currentVersion: version,
      title: m.title,
      content: JSON.parse(m.draft) as unknown,
    },
  });
  return freshDetail(ctx, m.id);
}

export function archiveModule(
  input: ParsedInput<'modules.archive'>,
  ctx: AuthedCtx,
): CallOutput<'modules.archive'> {
  const m = reachableModule(ctx, input.id, 'catalog.manage');
  if (m.status === 'archived') throw conflict(`${m.title} is already archived.`);
  moduleRepo(ctx.db).setStatus(m.id, 'archived', ctx.clock.now().toISOString());
  ctx.audit({
    targetIds: [m.id],
    summary: `Archived ${kindWord(m.kind)} ${m.code} “${m.title}”`,
    before: { status: m.status },
    after: { status: 'archived' },
  });
  return freshDetail(ctx, m.id);
}

export function restoreModule(
  input: ParsedInput<'modules.restore'>,
  ctx: AuthedCtx,
): CallOutput<'modules.restore'> {
  const m = reachableModule(ctx, input.id, 'catalog.manage');
  if (m.status !== 'archived') throw conflict(`${m.title} is not archived.`);
  const status = m.current_version === null ? 'draft' : 'published';
  moduleRepo(ctx.db).setStatus(m.id, status, ctx.clock.now().toISOString());
  ctx.audit({
    targetIds: [m.id],
    summary: `Restored ${kindWord(m.kind)} ${m.code} “${m.title}” (${status})`,
    before: { status: m.status },
    after: { status },
  });
  return freshDetail(ctx, m.id);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 training records, 1 result and the learning path “Induction”": what stops a delete. */
function describeUsage(c: UsageCounts, usedBy: { title: string; kind: string }[]): string[] {
  const parts: string[] = [];
  if (c.records) parts.push(plural(c.records, 'training record', 'training records'));
  if (c.results) parts.push(plural(c.results, 'result', 'results'));
  if (c.attempts) parts.push(plural(c.attempts, 'attempt', 'attempts'));
  if (c.enrolments) parts.push(plural(c.enrolments, 'enrolment', 'enrolments'));
  if (c.progress) parts.push(plural(c.progress, 'learner’s progress', 'learners’ progress'));
  if (c.sessions) parts.push(plural(c.sessions, 'event session', 'event sessions'));
  for (const u of usedBy) parts.push(`the ${kindWord(u.kind)} “${u.title}”`);
  return parts;
}

const joinAnd = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

export function deleteModule(
  input: ParsedInput<'modules.delete'>,
  ctx: AuthedCtx,
): CallOutput<'modules.delete'> {
  const m = reachableModule(ctx, input.id, 'catalog.manage');
  const usage = usageRepo(ctx.db);
  const refs = describeUsage(usage.counts(m.id), usage.usedBy(m.id));
  if (refs.length)
    throw conflict(`${m.title} cannot be deleted: ${joinAnd(refs)} refer to it. Archive it instead.`);
  const repo = moduleRepo(ctx.db);
  const before = auditShape(m, repo.prerequisiteIds(m.id));
  repo.delete(m.id);
  ctx.audit({
    targetIds: [m.id],
    summary: `Deleted ${kindWord(m.kind)} ${m.code} “${m.title}”`,
    before,
  });
  return {};
}
