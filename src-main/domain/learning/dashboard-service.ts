import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { DashboardItem } from '../../../shared/api/schemas/learning.js';
import { daysBetween, isoDateOf } from '../../../shared/dates.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo, type ModuleDbRow } from '../catalog/module-repo.js';
import { isModuleVisibleTo, visibleModuleSql } from '../catalog/visibility-repo.js';
import { personCompliance } from '../compliance/service.js';
import { assignedModules } from '../configurations/assigned-repo.js';
import { DUE_SOON_DAYS, syncPerson } from '../configurations/sync.js';
import { sessionsForLearner } from '../events/learner-service.js';
import { blockedBy, quoted } from './access.js';
import { learningRepo } from './learning-repo.js';
import { attemptsLeft, moduleState, quizSettings, stateRank, type ModuleState } from './state.js';

/** Never completed and past the due date (-2), or due within DUE_SOON_DAYS (-1): before everything else. */
function urgency(s: ModuleState, dueDate: string | null, today: string): number {
  if (dueDate === null || s.lastCompletionDate !== null) return stateRank(s);
  if (dueDate < today) return -2;
  return daysBetween(today, dueDate) <= DUE_SOON_DAYS ? -1 : stateRank(s);
}

/**
 * The learner's dashboard: what they are registered on and what training
 * configurations assign them (Required or Optional; Hidden never shows; a
 * learning path's items are shown inside the path, not here), each with where
 * they stand, most urgent first, and their upcoming event sessions.
 *
 * It first brings the person's own fulfilments in step (syncPerson, not
 * syncAll: the dashboard is the most frequent call, and only this person's rows
 * matter to it), which also queues their new-required and due notifications.
 */
export function dashboard(
  _input: ParsedInput<'learning.dashboard'>,
  ctx: AuthedCtx,
): CallOutput<'learning.dashboard'> {
  const personId = ctx.actor.id;
  const today = isoDateOf(ctx.clock.now());
  syncPerson(ctx.db, today, personId, ctx.clock.now().toISOString());
  const modules = moduleRepo(ctx.db);
  const wanted = new Map<string, { origin: DashboardItem['origin']; dueDate: string | null }>();
  for (const e of learningRepo(ctx.db).enrolments(personId))
    wanted.set(e.module_id, { origin: e.origin, dueDate: null });
  // An assignment says why it is there (it cannot be taken off), so it wins over an enrolment.
  for (const a of assignedModules(ctx.db, personId))
    wanted.set(a.module_id, { origin: 'assigned', dueDate: a.due_date });
  // Required training is judged by the compliance engine (the assignment's own validity may be
  // shorter than the module's), so the dashboard and "My compliance" never disagree.
  const required = new Map(
    personCompliance(ctx, personId, undefined, { showHidden: false, selfView: true })
      .rows.filter((r) => r.requirement === 'required')
      .map((r) => [r.moduleId, r]),
  );
  const items: (DashboardItem & { rank: number })[] = [];
  for (const [moduleId, w] of wanted) {
    const m = modules.byId(moduleId);
    if (!m || m.status !== 'published' || m.current_version === null) continue;
    items.push(dashboardItem(ctx, m, w, today, required.get(moduleId)));
  }
  items.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.title.localeCompare(b.title),
  );
  return {
    items: items.map(({ rank: _rank, ...item }) => item),
    upcomingSessions: sessionsForLearner(ctx, {}),
  };
}

function dashboardItem(
  ctx: AuthedCtx,
  m: ModuleDbRow,
  w: { origin: DashboardItem['origin']; dueDate: string | null },
  today: string,
  required?: { status: string; expiryDate: string | null; lastCompletion: string | null },
): DashboardItem & { rank: number } {
  const personId = ctx.actor.id;
  const s = withCompliance(moduleState(ctx.db, personId, m, today), required);
  const quiz = quizSettings(ctx.db, m);
  return {
    moduleId: m.id,
    code: m.code,
    title: m.title,
    kind: m.kind,
    description: m.description,
    origin: w.origin,
    ...s,
    dueDate: w.dueDate,
    blockedBy: blockedBy(ctx.db, personId, m.id),
    attemptsLeft: quiz ? attemptsLeft(ctx.db, personId, m.id, quiz.maxAttempts, today) : null,
    rank: urgency(s, w.dueDate, today),
  };
}

/** The engine's expiry for a Required module replaces the one from the module's default validity. */
function withCompliance(
  s: ModuleState,
  c: { status: string; expiryDate: string | null; lastCompletion: string | null } | undefined,
): ModuleState {
  if (!c || c.lastCompletion === null || (s.state !== 'completed' && s.state !== 'expired')) return s;
  if (c.status === 'expired')
    return { ...s, state: 'expired', expiryDate: c.expiryDate, expiryStatus: 'expired' };
  return {
    ...s,
    state: 'completed',
    expiryDate: c.expiryDate,
    expiryStatus: c.status === 'expiring' ? 'expiring' : c.expiryDate ? 'valid' : 'no_expiry',
  };
}

export function catalog(
  input: ParsedInput<'learning.catalog'>,
  ctx: AuthedCtx,
): CallOutput<'learning.catalog'> {
  const personId = ctx.actor.id;
  const repo = learningRepo(ctx.db);
  const enrolled = new Set(repo.enrolments(personId).map((e) => e.module_id));
  const rows = repo.selfEnrolCatalog(visibleModuleSql(personId), input).map((m) => ({
    moduleId: m.id,
    code: m.code,
    title: m.title,
    kind: m.kind,
    description: m.description,
    tags: JSON.parse(m.tags) as string[],
    defaultValidityMonths: m.default_validity_months,
    enrolled: enrolled.has(m.id),
    blockedBy: blockedBy(ctx.db, personId, m.id),
  }));
  return { rows };
}

export function enrol(input: ParsedInput<'learning.enrol'>, ctx: AuthedCtx): CallOutput<'learning.enrol'> {
  const personId = ctx.actor.id;
  const m = moduleRepo(ctx.db).byId(input.moduleId);
  if (!m || !isModuleVisibleTo(ctx.db, personId, m.id)) throw notFound('That module');
  if (m.status !== 'published') throw new AppError('conflict', `${quoted(m.title)} is not published.`);
  if (!m.self_enrol)
    throw new AppError(
      'forbidden',
      `${quoted(m.title)} does not allow self-registration: ask a manager to put it on your dashboard.`,
    );
  const repo = learningRepo(ctx.db);
  if (repo.enrolment(personId, m.id)) return {};
  const now = ctx.clock.now().toISOString();
  repo.enrol(personId, m.id, 'self', personId, now);
  ctx.audit({
    targetIds: [personId, m.id],
    summary: `${repo.personName(personId)} registered on ${quoted(m.title)}`,
    after: { personId, moduleId: m.id, origin: 'self', enrolledAt: now },
  });
  return {};
}

export function unenrol(
  input: ParsedInput<'learning.unenrol'>,
  ctx: AuthedCtx,
): CallOutput<'learning.unenrol'> {
  const personId = ctx.actor.id;
  const m = moduleRepo(ctx.db).byId(input.moduleId);
  if (!m) throw notFound('That module');
  const repo = learningRepo(ctx.db);
  const e = repo.enrolment(personId, m.id);
  if (!e) return {};
  if (e.origin !== 'self')
    throw new AppError(
      'forbidden',
      `A manager put ${quoted(m.title)} on your dashboard: only they can take it off.`,
    );
  repo.unenrol(personId, m.id);
  ctx.audit({
    targetIds: [personId, m.id],
    summary: `${repo.personName(personId)} took ${quoted(m.title)} off their dashboard`,
    before: { personId, moduleId: m.id, origin: e.origin, enrolledAt: e.enrolled_at },
  });
  return {};
}
