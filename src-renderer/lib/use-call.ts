import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { ApiErrorBody } from '../../shared/api/errors';
import { client } from '../api/client';

export interface CallState<T> {
  /** The latest successful answer; kept while a newer request loads, so tables do not flash empty. */
  data: T | null;
  /** The error of the current request, once it has failed. */
  error: ApiErrorBody | null;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  request: string;
  data: T | null;
  error: ApiErrorBody | null;
}

/**
 * Runs a read call whenever its input changes. Answers to requests that were
 * superseded are dropped, so fast typing never shows stale results.
 */
export function useCall<C extends CallName>(method: C, input: CallInput<C>): CallState<CallOutput<C>> {
  const key = JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const request = `${method}#${attempt}#${key}`;
  const [settled, setSettled] = useState<Settled<CallOutput<C>>>({ request: '', data: null, error: null });

  useEffect(() => {
    let superseded = false;
    void client.invoke(method, JSON.parse(key) as CallInput<C>).then((res) => {
      if (superseded) return;
      setSettled((prev) =>
        res.ok ? { request, data: res.value, error: null } : { request, data: prev.data, error: res.error },
      );
    });
    return () => {
      superseded = true;
    };
  }, [method, key, request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled.request === request;
  return { data: settled.data, error: current ? settled.error : null, loading: !current, reload };
}
