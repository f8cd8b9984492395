import type { CallName, CallOutput, Contract, ParsedInput } from '../../shared/api/contract.js';
import { listAudit, verifyAudit } from '../domain/audit/service.js';
import type { PasswordCost } from '../domain/auth/password.js';
import { changePassword, currentSession, signIn, signOut } from '../domain/auth/service.js';
import { listPeople } from '../domain/people/service.js';
import { createOrganisation, setupStatus } from '../domain/setup/service.js';
import type { AuthedCtx, Ctx } from './context.js';

/** Public calls get a ctx that may have no actor; every other call is guaranteed one. */
type CtxFor<C extends CallName> = Contract[C]['access'] extends 'public' ? Ctx : AuthedCtx;

export type Handlers = {
  [C in CallName]: (input: ParsedInput<C>, ctx: CtxFor<C>) => CallOutput<C>;
};

export interface HandlerOptions {
  passwordCost: PasswordCost;
}

/** One handler per contract entry; the type makes a missing one a compile error. */
export function createHandlers(opts: HandlerOptions): Handlers {
  return {
    'setup.status': setupStatus,
    'setup.create': (input, ctx) => createOrganisation(input, ctx, opts.passwordCost),
    'auth.signIn': (input, ctx) => signIn(input, ctx, opts.passwordCost),
    'auth.session': currentSession,
    'auth.signOut': signOut,
    'auth.changePassword': (input, ctx) => changePassword(input, ctx, opts.passwordCost),
    'audit.list': listAudit,
    'audit.verify': verifyAudit,
    'people.list': listPeople,
  };
}
