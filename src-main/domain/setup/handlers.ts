import type { setupCalls } from '../../../shared/api/calls/setup.js';
import type { HandlerOptions, HandlersFor } from '../../app/handler-types.js';
import { createOrganisation, setupStatus } from './service.js';

export const setupHandlers = (opts: HandlerOptions): HandlersFor<keyof typeof setupCalls> => ({
  'setup.status': setupStatus,
  'setup.create': (input, ctx) => createOrganisation(input, ctx, opts.passwordCost),
});
