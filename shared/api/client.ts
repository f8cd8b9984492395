import type { CallInput, CallName, CallOutput } from './contract.js';
import type { ApiErrorBody, Result } from './errors.js';

/** What a transport gives the renderer: Electron's preload and browser mode's HTTP bridge alike. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly details: ApiErrorBody['details'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

/** The typed face of the contract: names, inputs and outputs are checked at compile time. */
export interface Client {
  invoke<C extends CallName>(method: C, input: CallInput<C>): Promise<Result<CallOutput<C>>>;
  /** Like `invoke`, but throws an ApiError instead of returning a failure. */
  call<C extends CallName>(method: C, input: CallInput<C>): Promise<CallOutput<C>>;
  on: Bridge['on'];
}

export function createClient(bridge: Bridge): Client {
  const invoke = async <C extends CallName>(method: C, input: CallInput<C>) =>
    (await bridge.invoke(method, input)) as Result<CallOutput<C>>;
  return {
    invoke,
    async call(method, input) {
      const res = await invoke(method, input);
      if (!res.ok) throw new ApiError(res.error);
      return res.value;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
