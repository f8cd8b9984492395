import { describe, expect, it } from 'vitest';
import { dateOrderProvenBy, parseSheetDate, type DateOrder } from '../../src-main/csv/dates.js';
import { cleanIdCell, cleanTextCell } from '../../src-main/csv/excel-cells.js';

const TODAY = '2026-03-01';
const parse = (cell: string, order: DateOrder = 'auto', notAfterToday = true) =>
  parseSheetDate(cell, order, { today: TODAY, notAfterToday });

describe('reading completion dates as spreadsheets write them', () => {
  it.each<[string, DateOrder, string]>([
    ['2025-04-03', 'auto', '2025-04-03'],
    ['2025-4-3', 'auto', '2025-04-03'],
    ['2025/04/03', 'auto', '2025-04-03'],
    ['2025/04/03', 'ymd', '2025-04-03'],
    ['13/04/2025', 'auto', '2025-04-13'],
    ['04/13/2025', 'mdy', '2025-04-13'],
    ['05/05/2025', 'auto', '2025-05-05'],
    ['03/04/2025', 'dmy', '2025-04-03'],
    ['03/04/2025', 'mdy', '2025-03-04'],
    ['3/4/2025', 'dmy', '2025-04-03'],
    ['3/4/2025', 'mdy', '2025-03-04'],
    ['3.4.2025', 'auto', '2025-04-03'],
    ['03.04.2025', 'auto', '2025-04-03'],
    ['03.04.2025', 'mdy', '2025-04-03'],
    ['03-04-2025', 'auto', '2025-04-03'],
    ['03-04-2025', 'dmy', '2025-04-03'],
    ['03-04-2025', 'mdy', '2025-03-04'],
    ['29/02/2024', 'auto', '2024-02-29'],
    ['2000-02-29', 'auto', '2000-02-29'],
    ['45000', 'auto', '2023-03-15'],
    ['45000.5', 'auto', '2023-03-15'],
    ['45000,75', 'auto', '2023-03-15'],
    ['10000', 'auto', '1927-05-18'],
    ['61', 'auto', ''], // below the serial range: not a date (see the error table)
    ['2025-04-03 00:00', 'auto', '2025-04-03'],
    ['2025-04-03T00:00:00', 'auto', '2025-04-03'],
    ['2025-04-03T10:15:00.000Z', 'auto', '2025-04-03'],
    ['03/04/2025 14:30', 'dmy', '2025-04-03'],
    ['4/13/2025 2:30 PM', 'mdy', '2025-04-13'],
    ['3.4.2025 08:00:00', 'auto', '2025-04-03'],
  ])('%s (%s) → %s', (cell, order, iso) => {
    if (iso === '') return expect(parse(cell, order).ok).toBe(false);
    expect(parse(cell, order)).toEqual({ ok: true, iso });
  });

  it('counts Excel serials across the fake 1900-02-29 like Excel does', () => {
    // Serials below 10000 are refused as dates, so check the arithmetic through known anchors.
    expect(parse('36526')).toEqual({ ok: true, iso: '2000-01-01' });
    expect(parse('45658')).toEqual({ ok: true, iso: '2025-01-01' });
    expect(parse('2958465', 'auto', false)).toEqual({ ok: true, iso: '9999-12-31' });
  });

  it.each<[string, DateOrder, string]>([
    ['', 'auto', 'The completion date is empty: write the date as YYYY-MM-DD.'],
    ['03/04/25', 'dmy', 'Write the year with four digits: 03/04/25 does not say which century it means.'],
    ['3.4.25', 'auto', 'Write the year with four digits: 3.4.25 does not say which century it means.'],
    [
      '03/04/2025',
      'auto',
      "03/04/2025 could be 3 April 2025 or 4 March 2025: choose the file's date order (day/month or month/day).",
    ],
    [
      '1/12/2025',
      'ymd',
      "1/12/2025 could be 1 December 2025 or 12 January 2025: choose the file's date order (day/month or month/day).",
    ],
    [
      '04/13/2025',
      'auto',
      "04/13/2025 is written month first (13 April 2025): choose month/day as the file's date order to import month-first dates.",
    ],
    ['31/02/2025', 'auto', '31/02/2025 is not a date: February 2025 has 28 days.'],
    ['29/02/2025', 'dmy', '29/02/2025 is not a date: February 2025 has 28 days.'],
    ['2025-02-29', 'auto', '2025-02-29 is not a date: February 2025 has 28 days.'],
    ['1900-02-29', 'auto', '1900-02-29 is not a date: February 1900 has 28 days.'],
    ['31.04.2025', 'auto', '31.04.2025 is not a date: April 2025 has 30 days.'],
    ['2025-13-01', 'auto', '2025-13-01 is not a date: there is no month 13.'],
    ['04/13/2025', 'dmy', '04/13/2025 is not a date: there is no month 13.'],
    ['13/13/2025', 'auto', '13/13/2025 is not a date: there is no month 13.'],
    [
      '2031-01-01',
      'auto',
      '2031-01-01 is in the future: a completion date cannot be after today (2026-03-01).',
    ],
    [
      '47119',
      'auto',
      '47119 (2029-01-01) is in the future: a completion date cannot be after today (2026-03-01).',
    ],
    [
      '3rd April',
      'auto',
      '3rd April is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.',
    ],
    ['2025', 'auto', '2025 is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.'],
    [
      '9999999',
      'auto',
      '9999999 is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.',
    ],
    [
      '03/04/02025',
      'dmy',
      '03/04/02025 is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.',
    ],
    [
      '2025-04-03 noon',
      'auto',
      '2025-04-03 noon is not a date Fieldbook reads: write it as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY.',
    ],
  ])('refuses %j (%s)', (cell, order, message) => {
    expect(parse(cell, order)).toEqual({ ok: false, message });
  });

  it('accepts a future date when the caller allows it, and today always', () => {
    expect(parse('2031-01-01', 'auto', false)).toEqual({ ok: true, iso: '2031-01-01' });
    expect(parse('01/03/2026', 'dmy')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parse('02/03/2026', 'dmy').ok).toBe(false);
  });
});

describe('which date order a cell proves', () => {
  it.each<[string, 'dmy' | 'mdy' | null]>([
    ['13/04/2025', 'dmy'],
    ['04/13/2025', 'mdy'],
    ['4/13/2025 14:30', 'mdy'],
    ['13-04-2025', 'dmy'],
    ['03/04/2025', null],
    ['05/05/2025', null],
    ['13.04.2025', null],
    ['13/13/2025', null],
    // An impossible date is a typo, not evidence of the order.
    ['31/02/2025', null],
    ['02/31/2025', null],
    ['13/04/25', null],
    ['2025-04-13', null],
    ['45000', null],
    ['', null],
  ])('%j → %s', (cell, order) => {
    expect(dateOrderProvenBy(cell)).toBe(order);
  });
});

describe('undoing what Excel did to cells', () => {
  it.each<[string, string]>([
    ['  FIRE-101 ', 'FIRE-101'],
    ["'00123", '00123'],
    ["'-12", '-12'],
    ["'=A1", '=A1'],
    ['asa.oberg@example.com', 'asa.oberg@example.com'],
    ['2E3', '2E3'],
    ['', ''],
  ])('identifier %j → %j', (raw, value) => {
    expect(cleanIdCell(raw)).toEqual({ value });
  });

  it.each(['1.23E+05', '1,23E+05', '4E+12', '1.5e-03'])('refuses scientific notation %s', (raw) => {
    expect(cleanIdCell(` ${raw} `)).toEqual({
      value: raw,
      error: `Excel turned this value into a number (${raw}): format the column as Text and type the value again.`,
    });
  });

  it('trims text cells and removes only the formula escape', () => {
    expect(cleanTextCell("  '-12 ")).toBe('-12');
    expect(cleanTextCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cleanTextCell("'quoted' title")).toBe("'quoted' title");
    expect(cleanTextCell(' Fire safety ')).toBe('Fire safety');
  });
});
