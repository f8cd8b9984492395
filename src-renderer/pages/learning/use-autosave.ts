import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answers } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';

export type SaveStatus = 'idle' | 'saving' | 'saved' | { error: string };

const DELAY_MS = 800;

/**
 * Saves an attempt's answers shortly after each change, so closing the window
 * or a power cut loses at most the last second; `flush` saves at once (before submit, on leaving).
 */
export function useAutosave(attemptId: string, answers: Answers) {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const pending = useRef<Answers | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const toSave = pending.current;
    if (!toSave) return;
    pending.current = null;
    setStatus('saving');
    const res = await client.invoke('learning.saveAnswers', { attemptId, answers: toSave });
    setStatus(res.ok ? 'saved' : { error: res.error.message });
  }, [attemptId]);

  useEffect(() => {
    // The answers the attempt was opened with are already saved.
    if (first.current) {
      first.current = false;
      return;
    }
    pending.current = answers;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [answers, flush]);

  useEffect(() => () => void flush(), [flush]);

  /** Drops what is waiting: the submit carries the answers itself. */
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  return { status, flush, cancel };
}
