import type { ModuleContent, ModuleSummary } from '../../../shared/api/schemas/catalog.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { moduleRepo, type ModuleDbRow } from '../catalog/module-repo.js';
import { assignedModules } from '../configurations/assigned-repo.js';
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

/**
 * How a module reached the person: directly, assigned by a training
 * configuration (Required or Optional), through a path (maybe locked), or inside a course.
 */
export interface Source {
  via: 'enrolment' | 'assignment' | 'path' | 'course';
  /**
   * Why this way in is closed: the path keeps the item closed until the one
   * before it is completed, or the path/course holding it is itself closed to
   * the person (locked, or missing a prerequisite). Null when open.
   */
  lockedReason: string | null;
  /** The path or course that holds the module (none for an enrolment). */
  container?: string;
}

/** Module rows and version contents read once per use (a bulk result reads the same few again and again). */
export interface CatalogCache {
  byId(id: string): ModuleDbRow | undefined;
  versionContent(id: string, version: number): ModuleContent | undefined;
}

export function catalogCache(db: Db): CatalogCache {
  const modules = moduleRepo(db);
  const rows = new Map<string, ModuleDbRow | undefined>();
  const contents = new Map<string, ModuleContent | undefined>();
  return {
    byId(id) {
      if (!rows.has(id)) rows.set(id, modules.byId(id));
      return rows.get(id);
    },
    versionContent(id, version) {
      const key = `${id}@${version}`;
      if (!contents.has(key)) contents.set(key, modules.versionContent(id, version) ?? undefined);
      return contents.get(key);
    },
  };
}

/**
 * Every module the person may take, with how they got it: their enrolments
 * (self or manager), the items of published learning paths they are enrolled
 * in, and the quizzes embedded in courses they may take — followed transitively,
 * because a path may list a course that embeds a quiz. Modules Required or
 * Optional for the person through an open fulfilment are a further starting
 * point (Hidden ones are not: they are prepared, not offered).
 *
 * What a container holds is only as open as the container: a quiz inside a
 * course that a path keeps locked (or whose prerequisites are missing) is
 * locked with the same reason, or it would be a way round the lock.
 */
export function takeableModules(
  db: Db,
  personId: string,
  catalog: CatalogCache = catalogCache(db),
): Map<string, Source[]> {
  const repo = learningRepo(db);
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
  for (const a of assignedModules(db, personId)) {
    add(a.module_id, { via: 'assignment', lockedReason: null });
    queue.push(a.module_id);
  }
  const expanded = new Set<string>();
  while (queue.length) {
    const id = queue.shift() ?? '';
    if (expanded.has(id)) continue;
    expanded.add(id);
    const m = catalog.byId(id);
    if (!m || m.status !== 'published' || m.current_version === null) continue;
    const content = catalog.versionContent(id, m.current_version);
    if (content?.kind === 'learning_path') {
      let previous: string | null = null;
      for (const item of content.items) {
        const locked =
          item.requiresPrevious && previous !== null && !repo.hasCompletion(personId, previous)
            ? `Complete ${quoted(catalog.byId(previous)?.title ?? 'the previous item')} first.`
            : null;
        add(item.moduleId, { via: 'path', lockedReason: locked, container: id });
        queue.push(item.moduleId);
        previous = item.moduleId;
      }
    } else if (content?.kind === 'course') {
      for (const step of content.steps)
        if (step.type === 'quiz' && step.quizModuleId) {
          add(step.quizModuleId, { via: 'course', lockedReason: null, container: id });
          queue.push(step.quizModuleId);
        }
    }
  }
  inheritContainerLocks(db, personId, out);
  return out;
}

/**
 * Rewrites each source held by a container with the container's own reason to
 * be closed: the first reason it is locked when no way to it is open, else its
 * missing prerequisites. A cycle of containers counts as closed.
 */
function inheritContainerLocks(db: Db, personId: string, out: Map<string, Source[]>): void {
  const closed = new Map<string, string | null>();
  const visiting = new Set<string>();
  const closedReason = (id: string): string | null => {
    const known = closed.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 'It is locked.';
    visiting.add(id);
    let reason: string | null = null;
    let open = false;
    for (const s of out.get(id) ?? []) {
      if (s.lockedReason === null && s.container) s.lockedReason = closedReason(s.container);
      if (s.lockedReason === null) {
        open = true;
        break;
      }
      reason ??= s.lockedReason;
    }
    if (open) {
      const missing = blockedBy(db, personId, id);
      if (missing.length) reason = blockedMessage(missing);
    } else reason ??= 'It is locked.';
    visiting.delete(id);
    closed.set(id, reason);
    return reason;
  };
  for (const sources of out.values())
    for (const s of sources)
      if (s.lockedReason === null && s.container) s.lockedReason = closedReason(s.container);
}

/** The reason none of the ways to a module is open, or null when one is. */
export function lockedReasonOf(sources: readonly Source[] | undefined): string | null {
  if (!sources?.length) return 'It is not on your dashboard.';
  return sources.some((s) => s.lockedReason === null) ? null : (sources[0]?.lockedReason ?? 'It is locked.');
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
  const locked = lockedReasonOf(sources);
  return locked === null ? { ok: true } : { ok: false, reason: locked };
}

/**
 * The module, when the person may take it and has every prerequisite; otherwise
 * the reason as an error (not found for what they cannot see at all).
 */
/**
 * The module, when the person may take it. Unmet prerequisites refuse starting
 * and progressing, but not looking: with `allowBlocked` the player opens and
 * shows what to complete first.
 */
export function requireTakeable(
  ctx: AuthedCtx,
  moduleId: string,
  opts: { allowBlocked?: boolean } = {},
): ModuleDbRow & { current_version: number } {
  const m = moduleRepo(ctx.db).byId(moduleId);
  if (!m) throw notFound('That module');
  const check = canTake(ctx, moduleId);
  if (!check.ok) throw new AppError('forbidden', check.reason);
  if (!opts.allowBlocked) {
    const missing = blockedBy(ctx.db, ctx.actor.id, moduleId);
    if (missing.length) throw new AppError('conflict', blockedMessage(missing));
  }
  return m as ModuleDbRow & { current_version: number };
}

export function versionContentOf(db: Db, moduleId: string, version: number): ModuleContent {
  const content = moduleRepo(db).versionContent(moduleId, version);
  if (!content) throw notFound(`Version ${version} of that module`);
  return content;
}
