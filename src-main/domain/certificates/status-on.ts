import type { Db } from '../../db/open.js';
import { certificateRepo, type CertificateStatusName } from './certificate-repo.js';

export interface StatusOnDate {
  status: CertificateStatusName;
  reason: string;
  /** Valid by its history but past its expiry date on that day (the sweep had not run yet). */
  expired: boolean;
}

/**
 * A certificate's status as of a date, from its history (certificate_event, by
 * the day each change took effect); null when it had not been issued yet.
 */
export function statusOn(db: Db, certificateId: string, date: string): StatusOnDate | null {
  const repo = certificateRepo(db);
  const cert = repo.byId(certificateId);
  const e = cert && repo.statusOn(certificateId, date);
  if (!cert || !e) return null;
  return {
    status: e.status,
    reason: e.reason,
    expired: e.status === 'valid' && cert.expires_on !== null && cert.expires_on <= date,
  };
}
