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

/** The same, naming the warning window in days instead of its last day. */
export const statusAsOf = (f: StatusFacts, asOf: string, warningDays = DEFAULT_EXPIRING_DAYS): Status =>
  statusOf(f, asOf, expiringUntil(asOf, warningDays));

/** Still valid (counts towards "% compliant" and a configuration's certificate). */
export const isValidStatus = (s: Status): boolean => s === 'compliant' || s === 'expiring';
