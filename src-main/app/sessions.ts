import type { Clock } from './context.js';

/** 30 minutes without a call signs a window out: kiosks are shared machines. */
export const DEFAULT_IDLE_MS = 30 * 60_000;

interface Session {
  personId: string;
  lastSeen: number;
}

/**
 * Which person each window is signed in as. A window is named by its transport:
 * Electron uses the webContents id, browser mode a random per-tab key. Sessions
 * live in memory only, so a restart signs everyone out.
 */
export function createSessions(clock: Clock, idleMs = DEFAULT_IDLE_MS) {
  const byKey = new Map<string, Session>();
  return {
    /** The person signed in on this window, or null; touching it keeps it alive. */
    resolve(key: string): { personId: string } | { expired: true } | null {
      const s = byKey.get(key);
      if (!s) return null;
      const now = clock.now().getTime();
      if (now - s.lastSeen > idleMs) {
        byKey.delete(key);
        return { expired: true };
      }
      s.lastSeen = now;
      return { personId: s.personId };
    },
    bind(key: string, personId: string): void {
      byKey.set(key, { personId, lastSeen: clock.now().getTime() });
    },
    clear(key: string): void {
      byKey.delete(key);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
