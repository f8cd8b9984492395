import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { can } from '../../../shared/permissions/engine.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { personTarget } from '../permissions/target-repo.js';
import { cancelPlace, place } from './placement.js';
import { registrationRepo } from './registration-repo.js';
import { requireEventManager } from './session-service.js';
import { mustFindEvent, mustFindSession } from './session-view.js';

const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/**
 * A manager registers many people at once: each must be active and within the
 * manager's events.manage reach. Anyone who is not fails the whole call, named,
 * and nobody is registered.
 */
export function registerPeople(
  input: ParsedInput<'events.register'>,
  ctx: AuthedCtx,
): CallOutput<'events.register'> {
  const s = mustFindSession(ctx, input.sessionId);
  const m = mustFindEvent(ctx, s.module_id);
  requireEventManager(ctx, m);
  if (s.cancelled_at !== null)
    throw new AppError(
      'invalid_input',
      `The session of ${m.title} on ${s.starts_at.slice(0, 10)} is cancelled.`,
    );
  const repo = registrationRepo(ctx.db);
  const people: { id: string; name: string }[] = [];
  const details: ErrorDetail[] = [];
  const outOfScope: string[] = [];
  const seen = new Set<string>();
  input.personIds.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    const path = `personIds.${i}`;
    const p = repo.person(id);
    const target = p ? personTarget(ctx.db, id) : null;
    if (!p || !target) return void details.push({ path, message: 'There is no such person' });
    if (p.status !== 'active') return void details.push({ path, message: `${p.name} has left` });
    if (!can(ctx.actor, 'events.manage', target).allowed) {
      outOfScope.push(p.name);
      return void details.push({ path, message: `${p.name} is outside the people you manage events for` });
    }
    people.push({ id: p.id, name: p.name });
  });
  if (details.length) {
    const message = outOfScope.length
      ? `You cannot register ${listNames(outOfScope)}: outside the people you manage events for. Nobody was registered.`
      : `${details[0]?.message ?? 'Someone cannot be registered'}. Nobody was registered.`;
    throw new AppError(outOfScope.length ? 'forbidden' : 'invalid_input', message, { details });
  }
  const out: CallOutput<'events.register'> = { registered: [], waitlisted: [], already: [] };
  for (const p of people) out[place(ctx, s, p, 'manager')].push(p.id);
  return out;
}

export function unregisterPerson(
  input: ParsedInput<'events.unregister'>,
  ctx: AuthedCtx,
): CallOutput<'events.unregister'> {
  const s = mustFindSession(ctx, input.sessionId);
  const m = mustFindEvent(ctx, s.module_id);
  requireEventManager(ctx, m);
  const reg = registrationRepo(ctx.db).get(s.id, input.personId);
  if (!reg || reg.status === 'cancelled') throw notFound('That person’s place on this session');
  // Their result would stay with nobody able to correct it: the roster no longer lists them.
  if (reg.attendance === 'attended')
    throw new AppError(
      'conflict',
      `${reg.name} is marked as attended at ${m.title} on ${s.starts_at.slice(0, 10)}; clear their attendance mark first (mark them absent), then remove them.`,
    );
  cancelPlace(ctx, s, reg.person_id, `Removed ${reg.name} from ${m.title} on ${s.starts_at.slice(0, 10)}`);
  return {};
}
