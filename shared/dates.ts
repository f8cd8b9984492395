import { addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

/**
 * Date arithmetic on ISO calendar dates (`YYYY-MM-DD`), platform-neutral so the
 * main process, the renderer and the tests agree. Dates carry no time or zone:
 * they are parsed as local midnight and formatted back the same way.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a real calendar date written as `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

const parse = (s: string): Date => {
  if (!isIsoDate(s)) throw new RangeError(`Not a date as YYYY-MM-DD: ${s}`);
  return parseISO(s);
};

/** The calendar date of an instant, in UTC (how timestamps are stored). */
export const isoDateOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * A date plus whole months, end-of-month safe: 2025-01-31 + 1 month is
 * 2025-02-28 (2024-02-29 in a leap year), never a day in March.
 */
export function addMonthsIso(date: string, months: number): string {
  return format(addMonths(parse(date), months), 'yyyy-MM-dd');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parse(to), parse(from));
}

/** When something completed on `completionDate` expires, given a validity in months (null = never). */
export function expiryFrom(completionDate: string, validityMonths: number | null | undefined): string | null {
  return validityMonths == null ? null : addMonthsIso(completionDate, validityMonths);
}

export type ExpiryStatus = 'valid' | 'expiring' | 'expired' | 'no_expiry';

/** Days before expiry when a record counts as expiring (DESIGN: the warning window, default 30). */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * A record's status as of a day: no expiry date = `no_expiry`; on or after its
 * expiry date = `expired` (DESIGN: it "expires at completion date + validity");
 * expiring within the warning window = `expiring`; otherwise `valid`.
 */
export function expiryStatus(
  expiryDate: string | null,
  asOf: string,
  warningDays = EXPIRY_WARNING_DAYS,
): ExpiryStatus {
  if (expiryDate === null) return 'no_expiry';
  const left = daysBetween(asOf, expiryDate);
  if (left <= 0) return 'expired';
  return left <= warningDays ? 'expiring' : 'valid';
}

/** English month names, for dates written out in messages and on certificates ("3 April 2025"). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
