import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { SessionRow } from '../../../shared/api/schemas/learning.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';

// TEMPORARY: the events helper replaces these bodies in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

/** Upcoming sessions the learner can see: of one event, or (no moduleId) those they are on plus open ones of their events. */
export function sessionsForLearner(_ctx: AuthedCtx, _opts: { moduleId?: string }): SessionRow[] {
  return notYet();
}

export function listLearnerSessions(
  _input: ParsedInput<'learning.sessions'>,
  _ctx: AuthedCtx,
): CallOutput<'learning.sessions'> {
  return notYet();
}

export function registerSelf(
  _input: ParsedInput<'learning.register'>,
  _ctx: AuthedCtx,
): CallOutput<'learning.register'> {
  return notYet();
}

export function cancelOwnRegistration(
  _input: ParsedInput<'learning.cancelRegistration'>,
  _ctx: AuthedCtx,
): CallOutput<'learning.cancelRegistration'> {
  return notYet();
}
