import type { ModuleContent } from '../../../shared/api/schemas/catalog.js';
import type { Db } from '../../db/open.js';
import { versionContentOf } from './access.js';
import { completionExpired } from './expiry.js';
import { learningRepo, type ProgressRow } from './learning-repo.js';

export type CourseContent = Extract<ModuleContent, { kind: 'course' }>;

export interface CourseProgress {
  version: number;
  /** The progress row shown; undefined before the first step (or before a retake starts). */
  row: ProgressRow | undefined;
  content: CourseContent;
  done: Set<string>;
  /** Every required step is done. */
  complete: boolean;
  /** Done required steps / required steps, 0–100. */
  percent: number;
  /** The row (or the start it would make) is a retake after an earlier completion. */
  retake: boolean;
}

/** Nothing counts: a retake not started yet has no quiz passes of its own. */
const NEVER = '9999';

/** What courseProgress needs of the course. */
export interface CourseRef {
  id: string;
  current_version: number;
  default_validity_months: number | null;
}

/**
 * Where the person is in a course as of `today`. An unfinished progress row
 * keeps its version; a finished one on the current version is shown finished
 * — unless that completion has expired, when the next start is a new run
 * (recertification) that starts the row over; otherwise the next start is on
 * the current version (a retake when something was completed before).
 *
 * Quiz steps are done when the embedded quiz is passed: at any time on a first
 * run; during this run on a retake of a new version; and after the completion
 * being renewed on a recertification.
 */
export function courseProgress(db: Db, personId: string, m: CourseRef, today: string): CourseProgress {
  const repo = learningRepo(db);
  const rows = repo.progress(personId, m.id);
  const open = rows.find((r) => r.completed_at === null);
  const latest = rows[0];
  const finishedHere = !open && latest?.version === m.current_version && latest.completed_at !== null;
  const expired = finishedHere && completionExpired(db, personId, m, today);
  const row = open ?? (finishedHere && !expired ? latest : undefined);
  const version = row?.version ?? m.current_version;
  const content = versionContentOf(db, m.id, version);
  if (content.kind !== 'course') throw new Error(`Module ${m.id} is not a course`);
  const previous = repo.latestCompletion(personId, m.id);
  let since: string | null = null;
  if (expired) since = previous?.created_at ?? NEVER;
  else if (rows.some((r) => r.completed_at !== null && r !== row)) since = row?.started_at ?? NEVER;
  else if (row && row.completed_at === null && previous && previous.created_at < row.started_at)
    since = previous.created_at;
  return { ...evaluate(db, personId, content, row, since), version, row, content, retake: since !== null };
}

function evaluate(
  db: Db,
  personId: string,
  content: CourseContent,
  row: ProgressRow | undefined,
  since: string | null,
): Pick<CourseProgress, 'done' | 'complete' | 'percent'> {
  const repo = learningRepo(db);
  const stored = new Set<string>(row ? (JSON.parse(row.done_steps) as string[]) : []);
  const done = new Set<string>();
  for (const step of content.steps) {
    if (step.type === 'quiz') {
      if (step.quizModuleId && repo.hasCompletion(personId, step.quizModuleId, since)) done.add(step.id);
    } else if (stored.has(step.id)) done.add(step.id);
  }
  const required = content.steps.filter((s) => s.required);
  const doneRequired = required.filter((s) => done.has(s.id)).length;
  const finished = row?.completed_at != null;
  return {
    done,
    complete: required.length === doneRequired,
    percent: finished ? 100 : required.length === 0 ? 0 : Math.round((doneRequired / required.length) * 100),
  };
}
