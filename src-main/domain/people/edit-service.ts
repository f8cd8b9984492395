import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { can } from '../../../shared/permissions/engine.js';
import { AppError, conflict, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { isoDateOf } from '../../../shared/dates.js';
import { hashPassword, type PasswordCost } from '../auth/password.js';
import { fulfilmentRepo } from '../configurations/fulfilment-repo.js';
import { syncFulfilments } from '../configurations/sync.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { describeCycle } from './manager-cycles.js';
import { referenceRepo } from './reference-repo.js';
import { peopleRepo, type PersonChanges, type PersonDbRow } from './repo.js';
import { loadProfile } from './service.js';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', message, { details: [{ path, message }] });

const lowerFirst = (s: string) => (s[0]?.toLowerCase() ?? '') + s.slice(1);
const fullName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

/** Sign-in accepts an email or a username, so neither may equal anyone else's email or username. */
function requireFreeLogin(db: Db, field: 'email' | 'username', value: string, exceptId = ''): void {
  const repo = peopleRepo(db);
  if (repo.holderOf('email', value, exceptId) || repo.holderOf('username', value, exceptId))
    throw conflict(`The ${field} ${value} is already in use by another person.`);
}

/** The unit must exist, be open, and lie within the actor's people.manage scope (the dispatcher checks only the unit a call names). */
function requireUnit(ctx: AuthedCtx, unitId: string): void {
  const unit = referenceRepo(ctx.db).unit(unitId);
  const facts = unit && unitFacts(ctx.db, unitId);
  if (!unit || !facts) throw invalid('unitId', 'That unit was not found.');
  if (unit.archived_at) throw invalid('unitId', `${unit.name} is archived: choose an open unit.`);
  const d = can(ctx.actor, 'people.manage', { kind: 'unit', unit: facts });
  if (!d.allowed) throw forbidden(`You do not have permission to do that: ${lowerFirst(d.reason)}`);
}

function requireNamed(
  db: Db,
  table: 'department' | 'job_title',
  id: string | null | undefined,
  path: string,
) {
  if (id && !referenceRepo(db).named(table, id))
    throw invalid(
      path,
      table === 'department' ? 'That department was not found.' : 'That job title was not found.',
    );
}

/** A manager must exist and must not put the person in their own reporting line. */
function requireManager(db: Db, person: { id: string; name: string }, managerId: string | null | undefined) {
  if (!managerId) return;
  if (managerId === person.id) throw invalid('managerId', `${person.name} cannot be their own manager.`);
  const repo = peopleRepo(db);
  const manager = repo.byId(managerId);
  if (!manager) throw invalid('managerId', 'That manager was not found.');
  const chain = repo.managerChain(managerId);
  const at = chain.findIndex((c) => c.id === person.id);
  if (at >= 0) {
    const loop = [person.name, fullName(manager), ...chain.slice(0, at).map((c) => c.name)];
    throw invalid(
      'managerId',
      `${person.name} cannot report to ${fullName(manager)}, who already reports to ${person.name}: that would make a loop (${describeCycle(loop)}).`,
    );
  }
}

function requireFreeEmployeeNo(db: Db, employeeNo: string | null | undefined, exceptId = ''): void {
  if (employeeNo && peopleRepo(db).holderOf('employee_no', employeeNo, exceptId))
    throw conflict(`The employee number ${employeeNo} is already used by another person.`);
}

export function createPerson(
  input: ParsedInput<'people.create'>,
  ctx: AuthedCtx,
  cost: PasswordCost,
): CallOutput<'people.create'> {
  const username = input.username ?? input.email;
  requireFreeLogin(ctx.db, 'email', input.email);
  if (username !== input.email) requireFreeLogin(ctx.db, 'username', username);
  requireFreeEmployeeNo(ctx.db, input.employeeNo);
  requireUnit(ctx, input.unitId);
  requireNamed(ctx.db, 'department', input.departmentId, 'departmentId');
  requireNamed(ctx.db, 'job_title', input.jobTitleId, 'jobTitleId');
  const id = ctx.ids.uuid();
  // Nobody reports to a new person yet, so any existing manager is safe from loops.
  if (input.managerId && !peopleRepo(ctx.db).byId(input.managerId))
    throw invalid('managerId', 'That manager was not found.');
  peopleRepo(ctx.db).insert({
    id,
    email: input.email,
    username,
    firstName: input.firstName,
    lastName: input.lastName,
    employeeNo: input.employeeNo ?? null,
    unitId: input.unitId,
    departmentId: input.departmentId ?? null,
    jobTitleId: input.jobTitleId ?? null,
    managerId: input.managerId ?? null,
    passwordHash: input.password ? hashPassword(input.password, cost) : null,
    now: ctx.clock.now().toISOString(),
  });
  // Training configurations of their unit (and rule groups they match) cover them from today.
  syncAfterChange(ctx, id);
  const profile = loadProfile(ctx.db, id);
  const { password: _omit, ...after } = input;
  ctx.audit({
    targetIds: [id],
    summary: `Added ${input.firstName} ${input.lastName} (${input.email})`,
    after,
  });
  return profile;
}

/** The columns an update input changes, compared with what is stored. */
function changesOf(input: ParsedInput<'people.update'>, p: PersonDbRow): PersonChanges {
  const c: PersonChanges = {};
  const set = <K extends keyof PersonChanges>(col: K, value: PersonChanges[K] | undefined) => {
    if (value !== undefined && value !== p[col]) c[col] = value;
  };
  set('email', input.email);
  // A username that was the email follows the email, unless the input sets one.
  set(
    'username',
    input.username ?? (input.email !== undefined && p.username === p.email ? input.email : undefined),
  );
  set('first_name', input.firstName);
  set('last_name', input.lastName);
  set('employee_no', input.employeeNo);
  set('unit_id', input.unitId);
  set('department_id', input.departmentId);
  set('job_title_id', input.jobTitleId);
  set('manager_id', input.managerId);
  return c;
}

export function updatePerson(
  input: ParsedInput<'people.update'>,
  ctx: AuthedCtx,
): CallOutput<'people.update'> {
  const p = peopleRepo(ctx.db).byId(input.id);
  if (!p) throw notFound('That person');
  const c = changesOf(input, p);
  if (c.email) requireFreeLogin(ctx.db, 'email', c.email, p.id);
  if (c.username) requireFreeLogin(ctx.db, 'username', c.username, p.id);
  if (c.employee_no) requireFreeEmployeeNo(ctx.db, c.employee_no, p.id);
  // Moving someone needs people.manage over where they go too, not only where they are.
  if (c.unit_id) requireUnit(ctx, c.unit_id);
  requireNamed(ctx.db, 'department', c.department_id, 'departmentId');
  requireNamed(ctx.db, 'job_title', c.job_title_id, 'jobTitleId');
  if (c.manager_id) requireManager(ctx.db, { id: p.id, name: fullName(p) }, c.manager_id);
  const cols = Object.keys(c) as (keyof PersonChanges)[];
  if (cols.length) {
    peopleRepo(ctx.db).update(p.id, c, ctx.clock.now().toISOString());
    // A move (or a new department or job title, for rule groups) changes which configurations cover them.
    syncAfterChange(ctx, p.id);
  }
  ctx.audit({
    targetIds: [p.id],
    summary: cols.length ? `Changed ${fullName(p)}: ${cols.join(', ')}` : `No changes to ${fullName(p)}`,
    before: Object.fromEntries(cols.map((k) => [k, p[k]])),
    after: c,
  });
  return loadProfile(ctx.db, p.id);
}

/** The person's fulfilments in step with where they now are (and new Required training notified). */
function syncAfterChange(ctx: AuthedCtx, personId: string): void {
  syncFulfilments(ctx.db, isoDateOf(ctx.clock.now()), { personId, now: ctx.clock.now().toISOString() });
  // Moved, deactivated or reactivated: covered by other configurations, so other certificates.
  syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
    personId,
    now: ctx.clock.now().toISOString(),
    uuid: () => ctx.ids.uuid(),
  });
}

function setStatus(id: string, status: 'active' | 'left', ctx: AuthedCtx) {
  const p = peopleRepo(ctx.db).byId(id);
  if (!p) throw notFound('That person');
  if (status === 'left' && id === ctx.actor.id) throw forbidden('You cannot deactivate yourself.');
  if (p.status !== status) {
    peopleRepo(ctx.db).setStatus(id, status, ctx.clock.now().toISOString());
    // Compliance "as of" a date stops requiring anything of them from the day they left.
    fulfilmentRepo(ctx.db).setLeftOn(id, status === 'left' ? isoDateOf(ctx.clock.now()) : null);
    syncAfterChange(ctx, id);
  }
  ctx.audit({
    targetIds: [id],
    summary:
      p.status === status
        ? `${fullName(p)} was already ${status}`
        : `${status === 'left' ? 'Deactivated' : 'Reactivated'} ${fullName(p)}`,
    before: { status: p.status },
    after: { status },
  });
  return loadProfile(ctx.db, id);
}

export const deactivatePerson = (input: ParsedInput<'people.deactivate'>, ctx: AuthedCtx) =>
  setStatus(input.id, 'left', ctx);

export const reactivatePerson = (input: ParsedInput<'people.reactivate'>, ctx: AuthedCtx) =>
  setStatus(input.id, 'active', ctx);

export function resetPassword(
  input: ParsedInput<'people.resetPassword'>,
  ctx: AuthedCtx,
  cost: PasswordCost,
): CallOutput<'people.resetPassword'> {
  const p = peopleRepo(ctx.db).byId(input.id);
  if (!p) throw notFound('That person');
  peopleRepo(ctx.db).resetPassword(
    p.id,
    hashPassword(input.newPassword, cost),
    ctx.clock.now().toISOString(),
  );
  ctx.audit({ targetIds: [p.id], summary: `Reset the password of ${fullName(p)}` });
  return {};
}

export function setPin(
  input: ParsedInput<'people.setPin'>,
  ctx: AuthedCtx,
  cost: PasswordCost,
): CallOutput<'people.setPin'> {
  const p = peopleRepo(ctx.db).byId(input.id);
  if (!p) throw notFound('That person');
  // The same salted scrypt as passwords: a 4-digit PIN is guessable offline anyway, but not in bulk.
  peopleRepo(ctx.db).setPinHash(
    p.id,
    input.pin ? hashPassword(input.pin, cost) : null,
    ctx.clock.now().toISOString(),
  );
  ctx.audit({
    targetIds: [p.id],
    summary: `${input.pin ? 'Set' : 'Removed'} the kiosk PIN of ${fullName(p)}`,
  });
  return {};
}
