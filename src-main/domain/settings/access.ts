import { can } from '../../../shared/permissions/engine.js';
import type { AuthedCtx } from '../../app/context.js';
import { orgRepo } from '../org/repo.js';
import { loadTarget } from '../permissions/target-repo.js';

/**
 * Organisation settings (the expiring window, trusted keys, certificate
 * templates) apply to the whole installation, so changing them takes
 * settings.manage at the organisation itself: a client organisation's
 * administrator holding it for their own organisation cannot change everyone's.
 */
export function mayEdit(ctx: AuthedCtx): boolean {
  const root = orgRepo(ctx.db).organisation();
  const target = root ? loadTarget(ctx.db, { unit: root.id }) : null;
  return !!target && can(ctx.actor, 'settings.manage', target).allowed;
}
