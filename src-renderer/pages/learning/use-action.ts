import { useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import { client } from '../../api/client';

/**
 * A write call started by a button: `busy` while it runs, the server's
 * message as `error` when it refuses. Resolves to the value, or null on failure.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<C extends CallName>(
    key: string,
    method: C,
    input: CallInput<C>,
  ): Promise<CallOutput<C> | null> {
    setBusy(key);
    setError(null);
    const res = await client.invoke(method, input);
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return null;
    }
    return res.value;
  }

  return { busy, error, setError, run };
}
