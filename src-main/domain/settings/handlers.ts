import type { settingsCalls } from '../../../shared/api/calls/settings.js';
import { can } from '../../../shared/permissions/engine.js';
import { forbidden } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { expiringDays } from '../compliance/service.js';
import { orgRepo } from '../org/repo.js';
import { loadTarget } from '../permissions/target-repo.js';

/**
 * The settings apply to the whole installation, so changing them takes
 * settings.manage at the organisation itself: a site administrator holding it
 * for their site cannot move everyone's expiring window.
 */
export function mayEdit(ctx: AuthedCtx): boolean {
  const root = orgRepo(ctx.db).organisation();
  const target = root ? loadTarget(ctx.db, { unit: root.id }) : null;
  return !!target && can(ctx.actor, 'settings.manage', target).allowed;
}

const current = (ctx: AuthedCtx) => ({ expiringDays: expiringDays(ctx.db), canEdit: mayEdit(ctx) });

export const settingsHandlers = (): HandlersFor<keyof typeof settingsCalls> => ({
  'settings.get': (_input, ctx) => current(ctx),
  'settings.update': (input, ctx) => {
    if (!mayEdit(ctx))
      throw forbidden(
        'Only someone who may edit organisation settings for the whole organisation can change these.',
      );
    const before = expiringDays(ctx.db);
    if (before !== input.expiringDays) {
      orgRepo(ctx.db).setSetting('compliance.expiringDays', String(input.expiringDays));
      ctx.audit({
        targetIds: [],
        summary: `Changed the expiring window from ${before} to ${input.expiringDays} days`,
        before: { expiringDays: before },
        after: { expiringDays: input.expiringDays },
      });
    }
    return current(ctx);
  },
});
