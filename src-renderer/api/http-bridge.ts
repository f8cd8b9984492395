import type { Bridge } from '../../shared/api/client';
import type { ErrorCode, Result } from '../../shared/api/errors';
import { i18n } from '../i18n';

const SESSION_STORAGE_KEY = 'fieldbook.sessionKey';

/** The page's directory, e.g. `/s/<token>/`: the API lives beside index.html. */
export function apiBase(pathname: string): string {
  return pathname.replace(/[^/]*$/, '');
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One session per window: the key lives in sessionStorage, which each tab has
 * its own of, and survives a reload of that tab.
 */
export function sessionKey(): string {
  let key = sessionStorage.getItem(SESSION_STORAGE_KEY);
  if (!key) {
    key = randomId();
    sessionStorage.setItem(SESSION_STORAGE_KEY, key);
  }
  return key;
}

const failure = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  if (b.ok === true) return 'value' in b;
  if (b.ok !== false || typeof b.error !== 'object' || b.error === null) return false;
  const e = b.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

function statusFailure(status: number): Result<never> {
  if (status === 401 || status === 403) return failure('unauthenticated', i18n.t('transport.tokenRejected'));
  if (status === 413) return failure('internal', i18n.t('transport.tooLarge'));
  return failure('internal', i18n.t('transport.serverError', { status }));
}

type Listener = (payload: unknown) => void;

/** Browser mode's transport: the same calls as Electron's preload, over HTTP on 127.0.0.1. */
export function httpBridge(location: Location = window.location): Bridge {
  const base = apiBase(location.pathname);
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  function openEvents(): void {
    if (source) return;
    source = new EventSource(`${base}api/events?session=${encodeURIComponent(sessionKey())}`);
    source.onmessage = (e: MessageEvent<string>) => {
      let message: { event?: unknown; payload?: unknown };
      try {
        message = JSON.parse(e.data) as typeof message;
      } catch {
        return;
      }
      if (typeof message.event !== 'string') return;
      for (const fn of listeners.get(message.event) ?? []) fn(message.payload);
    };
  }

  function closeEventsIfIdle(): void {
    if (source && [...listeners.values()].every((set) => set.size === 0)) {
      source.close();
      source = null;
    }
  }

  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`${base}api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Session': sessionKey() },
          body: JSON.stringify({ method, input: input ?? {} }),
          cache: 'no-store',
        });
      } catch {
        return failure('internal', i18n.t('transport.unreachable'));
      }
      if (response.status !== 200) return statusFailure(response.status);
      try {
        const body: unknown = await response.json();
        return isResult(body) ? body : failure('internal', i18n.t('transport.badResponse'));
      } catch {
        return failure('internal', i18n.t('transport.badResponse'));
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      openEvents();
      return () => {
        set.delete(listener);
        closeEventsIfIdle();
      };
    },
  };
}
