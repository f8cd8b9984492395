import type { ModuleContent, ModuleSummary } from '../../../shared/api/schemas/catalog.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { moduleRepo, type ModuleDbRow } from '../catalog/module-repo.js';
import { learningRepo } from './learning-repo.js';

export const quoted = (title: string) => `“${title}”`;

/** “A”, “A” and “B”, “A”, “B” and “C”. */
export const titleList = (titles: readonly string[]): string => {
  const q = titles.map(quoted);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1] ?? ''}`;
};

/** Prerequisites the person has not completed yet (what blocks starting the module). */
export function blockedBy(db: Db, personId: string, moduleId: string): ModuleSummary[] {
  return learningRepo(db).missingPrerequisites(personId, moduleId);
}

export const blockedMessage = (missing: readonly ModuleSummary[]): string =>
  `Complete ${titleList(missing.map((m) => m.title))} first.`;

/** How a module reached the person: directly, through a path (maybe locked), or inside a course. */
interface Source {
  via: 'enrolment' | 'path' | 'course';
  /** Set when the path keeps this item closed until the one before it is completed. */
  lockedReason: string | null;
}

/**
 * Every module the person may take, with how they got it: their enrolments
 * (self or manager), the items of published learning paths they are enrolled
 * in, and the quizzes embedded in courses they may take — followed transitively,
 * because a path may list a course that embeds a quiz. Issue 6 adds assignments
 * as a further starting point here.
 */
export function takeableModules(db: Db, personId: string): Map<string, Source[]> {
  const repo = learningRepo(db);
  const modules = moduleRepo(db);
  const out = new Map<string, Source[]>();
  const add = (id: string, s: Source) => {
    const list = out.get(id);
    if (list) list.push(s);
    else out.set(id, [s]);
  };
  const queue: string[] = [];
  for (const e of repo.enrolments(personId)) {
    add(e.module_id, { via: 'enrolment', lockedReason: null });
    queue.push(e.module_id);
  }
  const expanded = new Set<string>();
  while (queue.length) {
    const id = queue.shift() ?? '';
    if (expanded.has(id)) continue;
    expanded.add(id);
    const m = modules.byId(id);
    if (!m || m.status !== 'published' || m.current_version === null) continue;
    const content = modules.versionContent(id, m.current_version);
    if (content?.kind === 'learning_path') {
      let previous: string | null = null;
      for (const item of content.items) {
        const locked =
          item.requiresPrevious && previous !== null && !repo.hasCompletion(personId, previous)
            ? `Complete ${quoted(modules.byId(previous)?.title ?? 'the previous item')} first.`
            : null;
        add(item.moduleId, { via: 'path', lockedReason: locked });
        queue.push(item.moduleId);
        previous = item.moduleId;
      }
    } else if (content?.kind === 'course') {
      for (const step of content.steps)
        if (step.type === 'quiz' && step.quizModuleId) {
          add(step.quizModuleId, { via: 'course', lockedReason: null });
          queue.push(step.quizModuleId);
        }
    }
  }
  return out;
}

export type TakeCheck = { ok: true } | { ok: false; reason: string };

/** Whether the signed-in person may take the module now, and if not, a sentence saying why. */
export function canTake(ctx: AuthedCtx, moduleId: string): TakeCheck {
  const m = moduleRepo(ctx.db).byId(moduleId);
  if (!m) return { ok: false, reason: 'That module was not found.' };
  if (m.status !== 'published' || m.current_version === null)
    return { ok: false, reason: `${quoted(m.title)} is not published.` };
  const sources = takeableModules(ctx.db, ctx.actor.id).get(moduleId);
  if (!sources?.length)
    return { ok: false, reason: `${quoted(m.title)} is not on your dashboard: register for it first.` };
  const open = sources.find((s) => s.lockedReason === null);
  if (!open) return { ok: false, reason: sources[0]?.lockedReason ?? 'It is locked.' };
  return { ok: true };
}

/**
 * The module, when the person may take it and has every prerequisite; otherwise
 * the reason as an error (not found for what they cannot see at all).
 */
export function requireTakeable(ctx: AuthedCtx, moduleId: string): ModuleDbRow & { current_version: number } {
  const m = moduleRepo(ctx.db).byId(moduleId);
  if (!m) throw notFound('That module');
  const check = canTake(ctx, moduleId);
  if (!check.ok) throw new AppError('forbidden', check.reason);
  const missing = blockedBy(ctx.db, ctx.actor.id, moduleId);
  if (missing.length) throw new AppError('conflict', blockedMessage(missing));
  return m as ModuleDbRow & { current_version: number };
}

export function versionContentOf(db: Db, moduleId: string, version: number): ModuleContent {
  const content = moduleRepo(db).versionContent(moduleId, version);
  if (!content) throw notFound(`Version ${version} of that module`);
  return content;
}
