import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  DEFAULT_EXPIRING_DAYS,
  expiringUntil,
  expiryOf,
  effectiveExpiry,
  latestCompletionExpiringBy,
  NEVER,
  statusAsOf,
  statusSql,
  type StatusFacts,
} from '../../shared/compliance/status.js';

const facts = (f: Partial<StatusFacts>): StatusFacts => ({
  required: true,
  lastCompletion: null,
  expiryDate: null,
  dueDate: null,
  ...f,
});

describe('expiry dates (end-of-month safe)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-05-15', 12, '2026-05-15'],
    ['2025-05-15', null, null],
  ] as const)('%s + %s months = %s', (date, months, expiry) => {
    expect(expiryOf(date, months)).toBe(expiry);
  });
});

const D = '2026-03-01';
const STATUS_TABLE: [string, Partial<StatusFacts>, string][] = [
  ['not required', { required: false, lastCompletion: '2026-01-01' }, 'not_required'],
  ['never completed, no due date', {}, 'missing'],
  ['never completed, due today', { dueDate: D }, 'missing'],
  ['never completed, due yesterday', { dueDate: '2026-02-28' }, 'overdue'],
  ['never completed, due later', { dueDate: '2026-04-01' }, 'missing'],
  ['completed, blank validity', { lastCompletion: '2010-01-01' }, 'compliant'],
  ['expires on D (expired from that day)', { lastCompletion: '2025-03-01', expiryDate: D }, 'expired'],
  ['expired before D', { lastCompletion: '2025-01-01', expiryDate: '2026-01-01' }, 'expired'],
  ['expires tomorrow', { lastCompletion: '2025-03-02', expiryDate: '2026-03-02' }, 'expiring'],
  ['expires in exactly 30 days', { lastCompletion: '2025-03-31', expiryDate: '2026-03-31' }, 'expiring'],
  ['expires in 31 days', { lastCompletion: '2025-04-01', expiryDate: '2026-04-01' }, 'compliant'],
  [
    'overdue does not apply once completed',
    { lastCompletion: '2025-12-01', dueDate: '2025-01-01' },
    'compliant',
  ],
];

describe('status rule', () => {
  it.each(STATUS_TABLE)('%s', (_name, f, expected) => {
    expect(statusAsOf(facts(f), D)).toBe(expected);
  });

  it('uses the configured window', () => {
    const f = facts({ lastCompletion: '2025-04-01', expiryDate: '2026-04-01' });
    expect(statusAsOf(f, D, 31)).toBe('expiring');
    expect(statusAsOf(f, D, 0)).toBe('compliant');
    expect(expiringUntil('2024-02-28', 1)).toBe('2024-02-29');
  });
});

// The engine judges cells with statusSql inside SQLite: the same table must give the same answers there.
describe('status rule as SQL', () => {
  const db = new Database(':memory:');
  const sql = statusSql({
    required: '@required = 1',
    lastCompletion: '@last',
    validityMonths: '@months',
    dueDate: '@due',
    asOf: '@asOf',
    expiredUpTo: '@expiredUpTo',
    expiringUpTo: '@expiringUpTo',
    fixedExpiry: '@fixed',
    until: '@until',
  });
  const judge = db.prepare(`SELECT ${sql}`).pluck();
  it.each(STATUS_TABLE)('%s', (_name, partial, expected) => {
    const f = facts(partial);
    // Every expiry in the table is a 12-month validity.
    const months = f.expiryDate === null ? null : 12;
    if (f.lastCompletion && months) expect(expiryOf(f.lastCompletion, months)).toBe(f.expiryDate);
    const until = expiringUntil(D, DEFAULT_EXPIRING_DAYS);
    expect(
      judge.get({
        required: f.required ? 1 : 0,
        last: f.lastCompletion,
        months,
        due: f.dueDate,
        asOf: D,
        expiredUpTo: months === null ? null : latestCompletionExpiringBy(D, months),
        expiringUpTo: months === null ? null : latestCompletionExpiringBy(until, months),
        fixed: null,
        until,
      }),
    ).toBe(expected);
  });

  // The same table with each expiry set on the record by a person: the date itself decides, and the
  // requirement's validity (here 1 month, which would expire everything) is ignored.
  it.each(STATUS_TABLE)('%s, with the expiry set on the record', (_name, partial, expected) => {
    const f = facts(partial);
    const until = expiringUntil(D, DEFAULT_EXPIRING_DAYS);
    expect(
      judge.get({
        required: f.required ? 1 : 0,
        last: f.lastCompletion,
        months: 1,
        due: f.dueDate,
        asOf: D,
        expiredUpTo: latestCompletionExpiringBy(D, 1),
        expiringUpTo: latestCompletionExpiringBy(until, 1),
        fixed: f.lastCompletion === null ? null : (f.expiryDate ?? NEVER),
        until,
      }),
    ).toBe(expected);
    expect(effectiveExpiry(f.lastCompletion ?? D, 1, f.expiryDate ?? NEVER)).toBe(f.expiryDate);
  });

  it.each([
    ['2025-02-28', 1],
    ['2025-03-31', 1],
    ['2024-02-29', 12],
    ['2026-03-01', 24],
    ['2026-03-01', 0],
  ] as const)(
    'latestCompletionExpiringBy(%s, %s) is the last completion that has expired by then',
    (day, m) => {
      const last = latestCompletionExpiringBy(day, m);
      const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(expiryOf(last, m)! <= day).toBe(true);
      expect(expiryOf(next, m)! > day).toBe(true);
    },
  );
});
