import { MONTH_NAMES as MONTHS } from '../../shared/dates.js';
/**
 * Completion dates as spreadsheets write them (DESIGN.md "CSV"): ISO, day first
 * or month first with `/`, `D.M.YYYY`, `DD-MM-YYYY`, `YYYY/MM/DD`, and Excel
 * serial numbers when a date column was exported as numbers. A date that could
 * be read two ways is an error, never a guess, unless the user chose the order.
 */

/** How to read `03/04/2025`: `dmy` = 3 April, `mdy` = 4 March; `auto` refuses to guess. */
export type DateOrder = 'auto' | 'dmy' | 'mdy' | 'ymd';
export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

/** Excel's time of day after a date ("14:30", "T00:00:00", "2:30 PM", "00:00:00.000Z"): ignored. */
const TIME =
  /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;
/** A serial number: whole days, optionally a fraction for the time (`,` where Excel's locale uses it). */
const SERIAL = /^(\d+)(?:[.,]\d+)?$/;
const SERIAL_MIN = 10000; // 1927-05-18: smaller numbers are far more likely typos than dates
const SERIAL_MAX = 2958465; // 9999-12-31, Excel's last date

const withoutTime = (cell: string) => cell.replace(TIME, '');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const longDate = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;

const notReadable = (cell: string): DateParse => ({
  ok: false,
  message: `${cell} is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.`,
});

/**
 * Excel's 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3,
 * has a 29 February 1900 that never was (serial 60). From serial 61
 * (1900-03-01) on, the date is 1899-12-30 plus the serial in days.
 */
function fromSerial(days: number): string {
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days in a month of the Gregorian calendar (computed, not via Date, which maps years 0–99 to 19xx). */
function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** A checked calendar date, or the reason it is not one. */
function calendar(cell: string, y: number, m: number, d: number): DateParse {
  if (m < 1 || m > 12) return { ok: false, message: `${cell} is not a date: there is no month ${m}.` };
  const days = daysIn(y, m);
  if (d < 1 || d > days)
    return {
      ok: false,
      message: `${cell} is not a date: ${MONTHS[m - 1]} ${y} has ${days} days.`,
    };
  return { ok: true, iso: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/** Reads a year-last date (`03/04/2025`, `3.4.2025`, `03-04-2025`) as [year, month, day] or an error. */
function yearLast(cell: string, order: DateOrder, match: RegExpExecArray): DateParse {
  const [, a = '', sep, b = '', year = ''] = match;
  if (year.length === 2)
    return {
      ok: false,
      message: `Write the year with four digits: ${cell} does not say which century it means.`,
    };
  if (year.length !== 4) return notReadable(cell);
  const y = Number(year);
  const first = Number(a);
  const second = Number(b);
  // Dots are always day first (German, Nordic); dashes too unless the user said month first.
  let dayFirst: boolean;
  if (sep === '.') dayFirst = true;
  else if (sep === '-') dayFirst = order !== 'mdy';
  else if (order === 'dmy') dayFirst = true;
  else if (order === 'mdy') dayFirst = false;
  else if (first === second || first > 12) dayFirst = true;
  else if (second > 12)
    // Month first only when chosen: otherwise a file mixing 13/04 and 04/13 would be read both ways.
    return {
      ok: false,
      message: `${cell} is written month first (${longDate(y, first, second)}): choose month/day as the file's date order to import month-first dates.`,
    };
  else
    return {
      ok: false,
      message: `${cell} could be ${longDate(y, second, first)} or ${longDate(y, first, second)}: choose the file's date order (day/month or month/day).`,
    };
  return dayFirst ? calendar(cell, y, second, first) : calendar(cell, y, first, second);
}

function parseDate(cell: string, order: DateOrder): DateParse {
  const serial = SERIAL.exec(cell);
  if (serial) {
    const days = Number(serial[1]);
    return days >= SERIAL_MIN && days <= SERIAL_MAX ? { ok: true, iso: fromSerial(days) } : notReadable(cell);
  }
  const bare = withoutTime(cell);
  const iso = YEAR_FIRST.exec(bare);
  if (iso) return calendar(cell, Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const last = YEAR_LAST.exec(bare);
  if (last) return yearLast(cell, order, last);
  return notReadable(cell);
}

/** Parses one spreadsheet date cell (already trimmed). today = 'YYYY-MM-DD'; dates after it are errors only when opts.notAfterToday. */
export function parseSheetDate(
  cell: string,
  order: DateOrder,
  opts: { today: string; notAfterToday: boolean },
): DateParse {
  if (cell === '')
    return { ok: false, message: 'The completion date is empty: write the date as YYYY-MM-DD.' };
  const parsed = parseDate(cell, order);
  if (parsed.ok && opts.notAfterToday && parsed.iso > opts.today)
    return {
      ok: false,
      message: `${cell === parsed.iso ? cell : `${cell} (${parsed.iso})`} is in the future: a completion date cannot be after today (${opts.today}).`,
    };
  return parsed;
}

/** What a cell proves about the file's order: '13/04/2025' → 'dmy', '04/13/2025' → 'mdy', anything else → null. */
export function dateOrderProvenBy(cell: string): 'dmy' | 'mdy' | null {
  const m = YEAR_LAST.exec(withoutTime(cell.trim()));
  // Dots are always day first, so they prove nothing about how slashes are meant.
  if (!m || m[2] === '.' || m[4]?.length !== 4) return null;
  const first = Number(m[1]);
  const second = Number(m[3]);
  // Only a real date proves anything: 31/02/2025 is a typo, not evidence of day-first.
  const order = first > 12 && second <= 12 ? 'dmy' : second > 12 && first <= 12 ? 'mdy' : null;
  return order && parseSheetDate(cell, order, { today: '9999-12-31', notAfterToday: false }).ok
    ? order
    : null;
}
