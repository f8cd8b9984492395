import { describe, expect, it } from 'vitest';
import { expiringUntil, expiryOf, statusAsOf, type StatusFacts } from '../../shared/compliance/status.js';

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

describe('status rule', () => {
  const D = '2026-03-01';
  it.each<[string, Partial<StatusFacts>, string]>([
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
  ])('%s', (_name, f, expected) => {
    expect(statusAsOf(facts(f), D)).toBe(expected);
  });

  it('uses the configured window', () => {
    const f = facts({ lastCompletion: '2025-04-01', expiryDate: '2026-04-01' });
    expect(statusAsOf(f, D, 31)).toBe('expiring');
    expect(statusAsOf(f, D, 0)).toBe('compliant');
    expect(expiringUntil('2024-02-28', 1)).toBe('2024-02-29');
  });
});
