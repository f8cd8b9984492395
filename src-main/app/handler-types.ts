import type { CallName, CallOutput, Contract, ParsedInput } from '../../shared/api/contract.js';
import type { PasswordCost } from '../domain/auth/password.js';
import type { AuthedCtx, Ctx } from './context.js';

/** Public calls get a ctx that may have no actor; every other call is guaranteed one. */
export type CtxFor<C extends CallName> = Contract[C]['access'] extends 'public' ? Ctx : AuthedCtx;

/** A read call's handler may answer with a promise (work off the main thread); writes answer at once. */
export type Handler<C extends CallName> = (
  input: ParsedInput<C>,
  ctx: CtxFor<C>,
) => CallOutput<C> | (Contract[C]['write'] extends false ? Promise<CallOutput<C>> : never);

/** The handlers of one module: exactly the calls its contract file names. */
export type HandlersFor<K extends CallName> = { [C in K]: Handler<C> };

export type Handlers = HandlersFor<CallName>;

/** Installation-wide settings handlers may need (fixed per app, not per call). */
export interface HandlerOptions {
  passwordCost: PasswordCost;
}
