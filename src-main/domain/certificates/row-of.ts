import type { CertificateRow } from '../../../shared/api/schemas/certificates.js';
import type { CertificateDbRow } from './certificate-repo.js';

/** A certificate as lists show it, with whether it is past its expiry on `today`. */
export const certificateRowOf = (c: CertificateDbRow, today: string): CertificateRow => ({
  id: c.id,
  number: c.number,
  personId: c.person_id,
  personName: `${c.first_name} ${c.last_name}`,
  email: c.email,
  unitName: c.unit_name,
  kind: c.kind,
  title: c.title,
  configurationId: c.configuration_id,
  moduleId: c.module_id,
  completedOn: c.completed_on,
  issuedOn: c.issued_on,
  expiresOn: c.expires_on,
  status: c.status,
  statusReason: c.status_reason,
  expired: c.status === 'valid' && c.expires_on !== null && c.expires_on <= today,
});
