import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { SessionUser } from '../../../shared/api/schemas/auth.js';
import { AppError } from '../../app/app-error.js';
import type { Actor, AuthedCtx, Ctx } from '../../app/context.js';
import { orgRepo } from '../org/repo.js';
import { peopleRepo } from '../people/repo.js';
import { loadActor } from './actor-repo.js';
import { hashPassword, verifyPassword, type PasswordCost } from './password.js';

/** Failed attempts allowed before the account locks; each further failure doubles the wait. */
export const LOCKOUT_THRESHOLD = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export function lockDurationMs(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - LOCKOUT_THRESHOLD), MAX_LOCK_MS);
}

const WRONG = 'The email or password is incorrect.';
// Verifying against a real hash for unknown emails keeps the response time the
// same, so timing does not reveal which addresses have accounts.
let dummyHash: string | undefined;

export function toSessionUser(actor: Actor, ctx: Ctx): SessionUser {
  return {
    id: actor.id,
    email: actor.email,
    firstName: actor.firstName,
    lastName: actor.lastName,
    displayName: `${actor.firstName} ${actor.lastName}`.trim(),
    organisationName: orgRepo(ctx.db).organisation()?.name ?? '',
    privileges: [...actor.privileges].sort(),
    // Implied Member grants are on the effective-permissions screen; here, only what was granted.
    roles: actor.grants
      .filter((g) => !g.implied)
      .map((g) => ({ roleId: g.roleId, roleName: g.roleName, unitId: g.unit.id, unitName: g.unit.name })),
  };
}

function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
}

export function signIn(
  input: ParsedInput<'auth.signIn'>,
  ctx: Ctx,
  cost: PasswordCost,
): CallOutput<'auth.signIn'> {
  const people = peopleRepo(ctx.db);
  const person = people.byLogin(input.email);
  const now = ctx.clock.now();
  if (!person?.password_hash) {
    verifyPassword(input.password, (dummyHash ??= hashPassword('not a password', cost)));
    throw new AppError('unauthenticated', WRONG);
  }
  if (person.locked_until && new Date(person.locked_until) > now) {
    const wait = new Date(person.locked_until).getTime() - now.getTime();
    throw new AppError('locked', `Too many failed sign-in attempts. Try again in ${waitText(wait)}.`);
  }
  if (!verifyPassword(input.password, person.password_hash)) {
    const failures = person.failed_signins + 1;
    const lock = lockDurationMs(failures);
    const lockedUntil = lock ? new Date(now.getTime() + lock).toISOString() : null;
    people.recordFailedSignIn(person.id, failures, lockedUntil, now.toISOString());
    if (lock) {
      ctx.log.log('warn', 'account locked after failed sign-ins', { personId: person.id, failures });
      throw new AppError('locked', `Too many failed sign-in attempts. Try again in ${waitText(lock)}.`, {
        keepWrites: true,
      });
    }
    throw new AppError('unauthenticated', WRONG, { keepWrites: true });
  }
  const actor = loadActor(ctx.db, person.id);
  if (!actor)
    throw new AppError(
      'forbidden',
      'This account has been deactivated. Ask an administrator to reactivate it.',
    );
  people.resetFailedSignIns(person.id);
  ctx.session.bind(person.id);
  ctx.audit({ actorId: person.id, targetIds: [person.id], summary: `${actor.email} signed in` });
  return toSessionUser(actor, ctx);
}

export function currentSession(_input: ParsedInput<'auth.session'>, ctx: Ctx): CallOutput<'auth.session'> {
  return { user: ctx.actor ? toSessionUser(ctx.actor, ctx) : null };
}

export function signOut(_input: ParsedInput<'auth.signOut'>, ctx: AuthedCtx): CallOutput<'auth.signOut'> {
  ctx.session.clear();
  ctx.audit({ targetIds: [ctx.actor.id], summary: `${ctx.actor.email} signed out` });
  return {};
}

export function changePassword(
  input: ParsedInput<'auth.changePassword'>,
  ctx: AuthedCtx,
  cost: PasswordCost,
): CallOutput<'auth.changePassword'> {
  const people = peopleRepo(ctx.db);
  const person = people.byId(ctx.actor.id);
  if (!person?.password_hash || !verifyPassword(input.currentPassword, person.password_hash)) {
    throw new AppError('invalid_input', 'The current password is incorrect.', {
      details: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('invalid_input', 'Choose a new password that differs from the current one.', {
      details: [{ path: 'newPassword', message: 'Choose a password that differs from the current one.' }],
    });
  }
  people.setPasswordHash(ctx.actor.id, hashPassword(input.newPassword, cost), ctx.clock.now().toISOString());
  ctx.audit({ targetIds: [ctx.actor.id], summary: `${ctx.actor.email} changed their password` });
  return {};
}
