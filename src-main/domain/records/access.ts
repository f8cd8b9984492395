import { can, type Decision, type Target } from '../../../shared/permissions/engine.js';
import type { Privilege } from '../../../shared/permissions/privileges.js';
import { reachOf, unionReach, type Reach } from '../../../shared/permissions/scope.js';
import { forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { personTarget } from '../permissions/target-repo.js';

export type RecordMode = 'view' | 'edit';

/**
 * `000_*`'s record privileges, narrowest first. A Training Record administrator
 * may do everything to every record in scope, so records.admin ends both lists.
 */
export const RECORD_PRIVILEGES: Record<RecordMode, readonly Privilege[]> = {
  // Whoever may change a record may see it: a form to edit what one cannot read would make no sense.
  view: [
    'records.view.own',
    'records.edit.own',
    'records.view.subordinate',
    'records.edit.subordinate',
    'records.view.all',
    'records.edit.all',
    'records.admin',
  ],
  edit: ['records.edit.own', 'records.edit.subordinate', 'records.edit.all', 'records.admin'],
};

type PersonTarget = Extract<Target, { kind: 'person' }>;

/** Whether any of the mode's privileges reaches the person, and the engine's reason either way. */
export function recordDecision(ctx: AuthedCtx, target: PersonTarget, mode: RecordMode): Decision {
  let refusal: Decision | undefined;
  for (const privilege of RECORD_PRIVILEGES[mode]) {
    const d = can(ctx.actor, privilege, target, 'you');
    if (d.allowed) return d;
    // The widest privilege the actor holds explains the refusal best; with none, the narrowest.
    if (!refusal || ctx.actor.privileges.has(privilege)) refusal = d;
  }
  return refusal ?? { allowed: false, reason: 'You do not have permission to do that.' };
}

/** Checks that the actor may view (or edit) this person's training records; throws `forbidden` with why not. */
export function recordAccess(ctx: AuthedCtx, personId: string, mode: RecordMode): PersonTarget {
  const target = personTarget(ctx.db, personId);
  if (!target) throw notFound('That person');
  const d = recordDecision(ctx, target, mode);
  if (!d.allowed) {
    const verb = mode === 'view' ? 'view' : 'change';
    throw forbidden(`You cannot ${verb} ${target.name}’s training records. ${d.reason}`);
  }
  return target;
}

/** Whom the actor may view (or edit) records of: the union over every privilege of the mode, for SQL. */
export function recordReach(ctx: AuthedCtx, mode: RecordMode): Reach {
  return unionReach(RECORD_PRIVILEGES[mode].map((p) => reachOf(ctx.actor.grants, p)));
}
