import { describe, expect, it } from 'vitest';
import {
  addMonthsIso,
  daysBetween,
  expiryFrom,
  expiryStatus,
  isIsoDate,
  isoDateOf,
} from '../../shared/dates.js';

describe('ISO date arithmetic', () => {
  it('adds months without running past the end of a month', () => {
    expect(addMonthsIso('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonthsIso('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsIso('2025-10-15', 3)).toBe('2026-01-15');
    expect(addMonthsIso('2025-06-30', 36)).toBe('2028-06-30');
  });

  it('works across daylight-saving changes (dates have no time of day)', () => {
    expect(addMonthsIso('2025-03-30', 1)).toBe('2025-04-30');
    expect(addMonthsIso('2025-10-26', 1)).toBe('2025-11-26');
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('knows a real date from a well-formed one', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(() => addMonthsIso('2025-02-30', 1)).toThrow(RangeError);
  });

  it('computes an expiry from a validity in months, or none', () => {
    expect(expiryFrom('2025-01-31', 1)).toBe('2025-02-28');
    expect(expiryFrom('2025-01-31', null)).toBeNull();
    expect(expiryFrom('2025-01-31', undefined)).toBeNull();
  });

  it('gives the status as of a day: expires on the expiry date, expiring within 30 days', () => {
    expect(expiryStatus(null, '2026-03-01')).toBe('no_expiry');
    expect(expiryStatus('2026-02-28', '2026-03-01')).toBe('expired');
    expect(expiryStatus('2026-03-01', '2026-03-01')).toBe('expired');
    expect(expiryStatus('2026-03-02', '2026-03-01')).toBe('expiring');
    expect(expiryStatus('2026-03-31', '2026-03-01')).toBe('expiring');
    expect(expiryStatus('2026-04-01', '2026-03-01')).toBe('valid');
  });

  it('takes the calendar date of an instant in UTC', () => {
    expect(isoDateOf(new Date('2026-03-01T23:30:00.000Z'))).toBe('2026-03-01');
  });
});
