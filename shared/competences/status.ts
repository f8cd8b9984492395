import { daysBetween } from '../dates.js';

/**
 * A held competence on a day (`003_*`): its valid-until date is the last day it
 * holds ("till och med"), so it is expired only the day after; within the
 * organisation's warning window before that it is expiring. No date = never
 * expires. Not held at all is `missing`.
 */
export type CompetenceStatus = 'valid' | 'expiring' | 'expired' | 'missing';

export function competenceStatus(
  held: { validUntil: string | null } | null,
  asOf: string,
  warningDays: number,
): CompetenceStatus {
  if (!held) return 'missing';
  if (held.validUntil === null) return 'valid';
  const left = daysBetween(asOf, held.validUntil);
  if (left < 0) return 'expired';
  return left < warningDays ? 'expiring' : 'valid';
}

/** The SQL form of competenceStatus for a valid_until column, given @asOf and @expiringUntil (asOf + window - 1 day). */
export const competenceStatusSql = (validUntil: string): string =>
  `CASE WHEN ${validUntil} IS NULL THEN 'valid'
        WHEN ${validUntil} < @asOf THEN 'expired'
        WHEN ${validUntil} <= @expiringUntil THEN 'expiring'
        ELSE 'valid' END`;
