import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { conflict } from '../../app/app-error.js';
import type { Ctx } from '../../app/context.js';
import { hashPassword, type PasswordCost } from '../auth/password.js';
import { orgRepo } from '../org/repo.js';
import { peopleRepo } from '../people/repo.js';

export function setupStatus(_input: ParsedInput<'setup.status'>, ctx: Ctx): CallOutput<'setup.status'> {
  const org = orgRepo(ctx.db);
  const root = org.organisation();
  return { needsSetup: !root, organisationName: root?.name ?? null, demo: org.setting('demo') === '1' };
}

/**
 * First run: the organisation (the root of the unit tree) and its first
 * administrator, who holds the top role there. Refused once an organisation exists,
 * so nobody can re-run setup to make themselves an administrator.
 */
export function createOrganisation(
  input: ParsedInput<'setup.create'>,
  ctx: Ctx,
  cost: PasswordCost,
): CallOutput<'setup.create'> {
  const org = orgRepo(ctx.db);
  const existing = org.organisation();
  if (existing) throw conflict(`Fieldbook is already set up for ${existing.name}. Sign in instead.`);
  const now = ctx.clock.now().toISOString();
  const unitId = ctx.ids.uuid();
  const personId = ctx.ids.uuid();
  org.insertUnit({ id: unitId, parentId: null, kind: 'organisation', name: input.organisationName, now });
  peopleRepo(ctx.db).insert({
    id: personId,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    unitId,
    passwordHash: hashPassword(input.password, cost),
    now,
  });
  org.grant({ id: ctx.ids.uuid(), personId, roleId: 'master-admin', unitId });
  ctx.audit({
    actorId: personId,
    targetIds: [unitId, personId],
    summary: `Set up ${input.organisationName} with administrator ${input.email}`,
    after: { organisation: input.organisationName, administrator: input.email },
  });
  return { email: input.email };
}
