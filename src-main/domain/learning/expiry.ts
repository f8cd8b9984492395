import { expiryFrom, expiryStatus } from '../../../shared/dates.js';
import type { Db } from '../../db/open.js';
import { learningRepo } from './learning-repo.js';

/**
 * The person's latest completion of a module and when it expires: the latest
 * training record's expiry, else the module's default validity from that date.
 */
export function completionExpiry(
  db: Db,
  personId: string,
  m: { id: string; default_validity_months: number | null },
): { last: string | null; expiry: string | null } {
  const repo = learningRepo(db);
  const last = repo.outcome(personId, m.id).last_completion;
  if (!last) return { last: null, expiry: null };
  const rec = repo.latestRecordExpiry(personId, m.id);
  return { last, expiry: rec ? rec.expiry_date : expiryFrom(last, m.default_validity_months) };
}

/** Whether the person's latest completion of the module has expired as of `today`. */
export function completionExpired(
  db: Db,
  personId: string,
  m: { id: string; default_validity_months: number | null },
  today: string,
): boolean {
  const { last, expiry } = completionExpiry(db, personId, m);
  return last !== null && expiryStatus(expiry, today) === 'expired';
}
