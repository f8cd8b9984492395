import type { LearnerState } from '../../../shared/api/schemas/learning.js';
import { expiryStatus, type ExpiryStatus } from '../../../shared/dates.js';
import type { Db } from '../../db/open.js';
import { moduleRepo, type ModuleDbRow } from '../catalog/module-repo.js';
import { courseProgress } from './course-progress.js';
import { completionExpiry } from './expiry.js';
import { learningRepo } from './learning-repo.js';

export interface ModuleState {
  state: LearnerState;
  progressPercent: number;
  lastCompletionDate: string | null;
  expiryDate: string | null;
  expiryStatus: ExpiryStatus | null;
}

/**
 * Attempts left at a quiz; null = unlimited. Reset attempts do not count, and
 * neither do those before the person's last pass expired: recertifying starts
 * with a fresh set, or nobody could ever renew a quiz with a maximum.
 */
export function attemptsLeft(
  db: Db,
  personId: string,
  moduleId: string,
  maxAttempts: number | null,
  today: string,
) {
  if (maxAttempts === null) return null;
  const m = moduleRepo(db).byId(moduleId);
  const { expiry } = m ? completionExpiry(db, personId, m) : { expiry: null };
  const cycleStart = expiry !== null && expiry <= today ? expiry : '';
  const counted = learningRepo(db)
    .attempts(personId, moduleId)
    .filter((a) => a.reset_at === null && a.started_at.slice(0, 10) >= cycleStart).length;
  return Math.max(0, maxAttempts - counted);
}

/** The quiz settings that apply to the next attempt (the current version's). */
export function quizSettings(db: Db, m: ModuleDbRow) {
  if (m.kind !== 'quiz' || m.current_version === null) return null;
  const content = moduleRepo(db).versionContent(m.id, m.current_version);
  return content?.kind === 'quiz' ? content : null;
}

/**
 * Where the person stands with a module as of `today`: completed (or expired,
 * from the latest training record's expiry, else the module's validity),
 * failed (a fail and no pass), in progress (steps, attempts or path items
 * under way), or not started.
 */
export function moduleState(db: Db, personId: string, m: ModuleDbRow, today: string): ModuleState {
  const repo = learningRepo(db);
  const outcome = repo.outcome(personId, m.id);
  const { last, expiry } = completionExpiry(db, personId, m);
  const status = last ? expiryStatus(expiry, today) : null;
  const { percent, started } = progressOf(db, personId, m, today);
  let state: LearnerState;
  if (last) state = status === 'expired' ? 'expired' : 'completed';
  else if (outcome.last_fail) state = 'failed';
  else state = started ? 'in_progress' : 'not_started';
  return {
    state,
    progressPercent: state === 'completed' ? 100 : percent,
    lastCompletionDate: last,
    expiryDate: expiry,
    expiryStatus: status,
  };
}

function progressOf(
  db: Db,
  personId: string,
  m: ModuleDbRow,
  today: string,
): { percent: number; started: boolean } {
  const repo = learningRepo(db);
  if (m.current_version === null) return { percent: 0, started: false };
  if (m.kind === 'course') {
    const p = courseProgress(db, personId, { ...m, current_version: m.current_version }, today);
    return { percent: p.percent, started: p.row !== undefined || p.done.size > 0 };
  }
  if (m.kind === 'quiz') return { percent: 0, started: repo.attempts(personId, m.id).length > 0 };
  if (m.kind === 'learning_path') {
    const content = moduleRepo(db).versionContent(m.id, m.current_version);
    if (content?.kind !== 'learning_path') return { percent: 0, started: false };
    const required = content.items.filter((i) => i.required);
    const done = required.filter((i) => repo.hasCompletion(personId, i.moduleId)).length;
    const started = content.items.some((i) => repo.outcome(personId, i.moduleId).any_result > 0);
    return { percent: required.length ? Math.round((done / required.length) * 100) : 0, started };
  }
  return { percent: 0, started: false };
}

/** Dashboard order: expired, expiring, under way (or failed), not started, completed. */
export function stateRank(s: ModuleState): number {
  if (s.state === 'expired') return 0;
  if (s.state === 'completed') return s.expiryStatus === 'expiring' ? 1 : 4;
  if (s.state === 'in_progress' || s.state === 'failed') return 2;
  return 3;
}
