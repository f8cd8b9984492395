import { createClient, type Bridge } from '../../shared/api/client';
import type { Result } from '../../shared/api/errors';
import { i18n } from '../i18n';
import { httpBridge } from './http-bridge';

type SessionLostListener = (message: string) => void;
const sessionLostListeners = new Set<SessionLostListener>();

/**
 * Calls made while signed in can come back `unauthenticated` (idle timeout, a
 * restarted server). Whoever owns the session subscribes here, so no screen has
 * to handle it on its own.
 */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Sign-in itself answers `unauthenticated` for a wrong password: that is not a lost session. */
const SESSIONLESS_CALLS = new Set(['setup.status', 'setup.create', 'auth.signIn', 'auth.session']);

function watchSessions(bridge: Bridge): Bridge {
  return {
    async invoke(method, input) {
      let result: Result<unknown>;
      try {
        result = await bridge.invoke(method, input);
      } catch {
        // Electron's IPC rejects rather than answering when the main process cannot be reached.
        result = { ok: false, error: { code: 'internal', message: i18n.t('transport.appUnreachable') } };
      }
      if (!result.ok && result.error.code === 'unauthenticated' && !SESSIONLESS_CALLS.has(method)) {
        for (const fn of sessionLostListeners) fn(result.error.message);
      }
      return result;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** Electron's preload when present, else browser mode's HTTP transport. */
export const bridge: Bridge = watchSessions(window.api ?? httpBridge());

/** The typed API for the whole renderer. */
export const client = createClient(bridge);
