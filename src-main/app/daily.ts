import { isoDateOf } from '../../shared/dates.js';
import { syncCertificates } from '../domain/certificates/issue-service.js';
import { syncAll } from '../domain/configurations/sync.js';
import type { App } from './create-app.js';

const LAST_RUN_KEY = 'daily.lastRun';

/**
 * What has to happen because time passed, once per day and at start-up: every
 * configuration's fulfilments and due/expiry notifications (syncAll), then
 * certificates (issue, invalidate, and the expiry sweep). Idempotent; a setting
 * remembers the day it last ran so an hourly timer costs one read. Returns
 * whether it ran.
 */
export function runDaily(app: Pick<App, 'db' | 'clock' | 'log'>, opts: { force?: boolean } = {}): boolean {
  const now = app.clock.now();
  const today = isoDateOf(now);
  const get = app.db.prepare<[string], string>('SELECT value FROM setting WHERE key = ?').pluck();
  if (!opts.force && get.get(LAST_RUN_KEY) === today) return false;
  const at = now.toISOString();
  const run = app.db.transaction(() => {
    const fulfilments = syncAll(app.db, today, at);
    const certificates = syncCertificates(app.db, today, { now: at });
    app.db
      .prepare(
        'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(LAST_RUN_KEY, today);
    return { fulfilments, certificates };
  });
  try {
    const r = run();
    app.log.log('info', 'Daily run', { day: today, ...r.certificates, notified: r.fulfilments.notified });
    return true;
  } catch (e) {
    // A failed run is retried on the next tick; it must never stop the app from starting.
    app.log.log('error', 'Daily run failed', {
      day: today,
      message: e instanceof Error ? e.message : String(e),
    });
    return false;
  }
}

/** Runs the daily work now, then checks every hour whether the date changed. Returns a stop function. */
export function scheduleDaily(app: Pick<App, 'db' | 'clock' | 'log'>): () => void {
  runDaily(app);
  const timer = setInterval(() => runDaily(app), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
