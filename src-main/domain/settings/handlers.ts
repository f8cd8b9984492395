import type { settingsCalls } from '../../../shared/api/calls/settings.js';
import { forbidden } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { expiringDays } from '../compliance/service.js';
import { orgRepo } from '../org/repo.js';
import { mayEdit } from './access.js';

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
