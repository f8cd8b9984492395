import { can, type UnitFacts } from '../../../shared/permissions/engine.js';
import type { Privilege } from '../../../shared/permissions/privileges.js';
import { AppError } from '../../app/app-error.js';
import type { Actor } from '../../app/context.js';

/**
 * The dispatcher checks the one unit a call names; some calls touch a second
 * (the new parent of a move, a group's current owner, every row of an import).
 * Those go through the same engine and read the same way as its refusals.
 */
export function requireReach(actor: Actor, privilege: Privilege, unit: UnitFacts): void {
  const d = can(actor, privilege, { kind: 'unit', unit }, 'you');
  if (!d.allowed) throw new AppError('forbidden', d.reason);
}

export function reaches(actor: Actor, privilege: Privilege, unit: UnitFacts): boolean {
  return can(actor, privilege, { kind: 'unit', unit }).allowed;
}
