import type { authCalls } from '../../../shared/api/calls/auth.js';
import type { HandlerOptions, HandlersFor } from '../../app/handler-types.js';
import { changePassword, currentSession, signIn, signOut } from './service.js';

export const authHandlers = (opts: HandlerOptions): HandlersFor<keyof typeof authCalls> => ({
  'auth.signIn': (input, ctx) => signIn(input, ctx, opts.passwordCost),
  'auth.session': currentSession,
  'auth.signOut': signOut,
  'auth.changePassword': (input, ctx) => changePassword(input, ctx, opts.passwordCost),
});
