import type { CallInput, CallName, CallOutput } from '../../shared/api/contract.js';
import { isoDateOf } from '../../shared/dates.js';
import { fixedClock } from '../app/context.js';
import { createApp, type App } from '../app/create-app.js';

const DAY_MS = 86_400_000;

/**
 * How the demo's catalog and history are written: through the real calls, as a
 * named person, so every permission check, rule and audit row is the app's own.
 *
 * A year of history needs things done in the past (a quiz attempt is dated by the
 * clock, a session can only be marked once it has started), so the calls go
 * through a second app over the same database, ids and files whose clock the
 * demo moves along its timeline. It never runs ahead of the real clock.
 */
export interface DemoApi {
  /** The demo's "today" (the app clock's date). */
  readonly today: string;
  /** A calendar date `days` before today (negative = after). */
  daysAgo(days: number): string;
  /** An instant on a day before today, at `hour`:`minute` UTC. */
  at(days: number, hour?: number, minute?: number): string;
  /** Moves the demo's clock; later calls happen then. */
  setTime(iso: string): void;
  /** The call as `actorId`, at the demo's current time; throws with the app's message when it is refused. */
  call<C extends CallName>(method: C, input: CallInput<C>, actorId: string): Promise<CallOutput<C>>;
}

export function demoApi(app: App): DemoApi {
  const now = app.clock.now();
  const clock = fixedClock(now.toISOString());
  const past = createApp({ db: app.db, clock, ids: app.ids, log: app.log, files: app.files });
  const dayOf = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    today: isoDateOf(now),
    daysAgo: (days) => isoDateOf(dayOf(days)),
    at: (days, hour = 10, minute = 0) => {
      const d = dayOf(days);
      d.setUTCHours(hour, minute, 0, 0);
      return d.toISOString();
    },
    setTime: (iso) => {
      // The history never happens after the real "now".
      clock.set(new Date(Math.min(new Date(iso).getTime(), now.getTime())).toISOString());
    },
    async call(method, input, actorId) {
      const res = await past.invoke(method, input, { actorId });
      if (!res.ok) {
        const details = (res.error.details ?? []).map((d) => `${d.path}: ${d.message}`).join('; ');
        throw new Error(
          `Demo data: ${method} was refused: ${res.error.message}${details ? ` (${details})` : ''}`,
        );
      }
      return res.value;
    },
  };
}
