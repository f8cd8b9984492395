import { addDays, format, parseISO } from 'date-fns';
import { expiryFrom } from '../dates.js';

/**
 * The compliance status rule (DESIGN.md "Compliance rules"), pure so it can be
 * tested table by table. The engine applies this very function inside SQLite
 * (registered as an SQL function), so the UI, the CLI and the reports agree.
 */
export type Status = 'compliant' | 'expiring' | 'expired' | 'missing' | 'overdue' | 'not_required';

/** Everything the status of one person and module on one date depends on. */
export interface StatusFacts {
  /** Some Required item of a configuration covering the person is in force on the date. */
  required: boolean;
  /** The latest completion on or before the date. */
  lastCompletion: string | null;
  /** When that completion expires (null = never). */
  expiryDate: string | null;
  /** The earliest due date among the Required items (null = none). */
  dueDate: string | null;
}

/** Days before the expiry date when a requirement shows as expiring, unless the setting says otherwise. */
export const DEFAULT_EXPIRING_DAYS = 30;

/** The last expiry date that still counts as "expiring" on `asOf`: asOf + the warning window. */
export function expiringUntil(asOf: string, warningDays: number): string {
  return format(addDays(parseISO(asOf), warningDays), 'yyyy-MM-dd');
}

/** The expiry of a completion under a validity in months: end-of-month safe; null months = never. */
export const expiryOf = (completionDate: string, validityMonths: number | null): string | null =>
  expiryFrom(completionDate, validityMonths);

/** How `fixedExpiry` spells "a person set this record to never expire" (a date after every other). */
export const NEVER = '9999-12-31';

/**
 * The expiry that counts for a completion: the record's own when a person set it
 * (DESIGN.md: "an imported or external record may carry its own expiry date"),
 * else completion + the requirement's validity.
 */
export const effectiveExpiry = (
  completionDate: string,
  validityMonths: number | null,
  fixedExpiry: string | null,
): string | null =>
  fixedExpiry !== null
    ? fixedExpiry === NEVER
      ? null
      : fixedExpiry
    : expiryOf(completionDate, validityMonths);

/**
 * The status as of `asOf`, with `until` = expiringUntil(asOf, window). A record is
 * valid on the days before its expiry date and expired from that date on; overdue
 * only once the due date is strictly before the date (due today is still missing).
 * ISO dates compare as strings, which keeps this cheap for a whole matrix.
 */
export function statusOf(f: StatusFacts, asOf: string, until: string): Status {
  if (!f.required) return 'not_required';
  if (f.lastCompletion === null) return f.dueDate !== null && f.dueDate < asOf ? 'overdue' : 'missing';
  if (f.expiryDate === null) return 'compliant';
  if (f.expiryDate <= asOf) return 'expired';
  return f.expiryDate <= until ? 'expiring' : 'compliant';
}

/**
 * The latest completion date whose expiry under `validityMonths` falls on or before `day`
 * (so a completion expires by `day` exactly when it is on or before this date). The expiry
 * never decreases as the completion date grows (end-of-month clamping only merges days), so a
 * binary search over days with expiryOf itself finds it: the rule keeps one definition of expiry.
 */
export function latestCompletionExpiringBy(day: string, validityMonths: number): string {
  const dayMs = 86_400_000;
  const iso = (d: number) => new Date(d * dayMs).toISOString().slice(0, 10);
  const expiresBy = (d: number) => (expiryOf(iso(d), validityMonths) ?? '9999-12-31') <= day;
  let hi = Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs) + 1; // expires after `day`: validity >= 0
  const step = 31 * Math.max(validityMonths + 2, 2);
  let lo = hi - step; // a month and more before `day` minus the validity
  while (!expiresBy(lo)) lo -= step;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (expiresBy(mid)) lo = mid;
    else hi = mid;
  }
  return iso(lo);
}

/**
 * statusOf as one SQL CASE over a cell's columns, so a whole matrix is judged inside SQLite
 * without a JavaScript call per cell. Each line mirrors a line of statusOf; "expiry <= date"
 * becomes "completion <= latestCompletionExpiringBy(date)", given per validity as the two
 * cutoff columns, except for a record whose own expiry date a person set (fixedExpiry), which is
 * compared directly. The unit tests run the same table against both.
 */
export function statusSql(c: {
  required: string;
  lastCompletion: string;
  validityMonths: string;
  dueDate: string;
  asOf: string;
  /** latestCompletionExpiringBy(asOf, validity) */
  expiredUpTo: string;
  /** latestCompletionExpiringBy(until, validity) */
  expiringUpTo: string;
  /** The record's own expiry date when a person set it ('9999-12-31' = never), else NULL. */
  fixedExpiry: string;
  /** expiringUntil(asOf, window) */
  until: string;
}): string {
  return `CASE WHEN NOT (${c.required}) THEN 'not_required'
    WHEN ${c.lastCompletion} IS NULL THEN
      CASE WHEN ${c.dueDate} IS NOT NULL AND ${c.dueDate} < ${c.asOf} THEN 'overdue' ELSE 'missing' END
    WHEN ${c.fixedExpiry} IS NOT NULL THEN
      CASE WHEN ${c.fixedExpiry} <= ${c.asOf} THEN 'expired' WHEN ${c.fixedExpiry} <= ${c.until} THEN 'expiring'
        ELSE 'compliant' END
    WHEN ${c.validityMonths} IS NULL THEN 'compliant'
    WHEN ${c.lastCompletion} <= ${c.expiredUpTo} THEN 'expired'
    WHEN ${c.lastCompletion} <= ${c.expiringUpTo} THEN 'expiring'
    ELSE 'compliant' END`;
}

/** The same, naming the warning window in days instead of its last day. */
export const statusAsOf = (f: StatusFacts, asOf: string, warningDays = DEFAULT_EXPIRING_DAYS): Status =>
  statusOf(f, asOf, expiringUntil(asOf, warningDays));

/** Still valid (counts towards "% compliant" and a configuration's certificate). */
export const isValidStatus = (s: Status): boolean => s === 'compliant' || s === 'expiring';
