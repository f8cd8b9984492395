import type { Db } from '../../db/open.js';
import type { FileStore } from '../../files/file-store.js';
import type { CertificatePdfData, CertificateTemplateData } from '../../pdf/certificate-data.js';
import type { CertificateDbRow } from './certificate-repo.js';
import { parsePayload, qrTextOf, shortCodeOf } from './signing.js';
import { templateDataFor } from './template-service.js';

/**
 * Everything the renderer needs for one issued certificate, read synchronously
 * (before any await). The printed fields come from the signed payload, so the
 * page always says exactly what the QR code vouches for. Templates are looked up
 * once per id when a whole export shares a cache.
 */
export function pdfDataOf(
  db: Db,
  files: FileStore,
  c: CertificateDbRow,
  templates: Map<string, CertificateTemplateData> = new Map(),
): CertificatePdfData {
  const key = c.template_id ?? '';
  let template = templates.get(key);
  if (!template) {
    template = templateDataFor(db, files, c.template_id);
    templates.set(key, template);
  }
  const signed = parsePayload(c.payload);
  return {
    template,
    person: signed?.p ?? `${c.first_name} ${c.last_name}`,
    title: signed?.w ?? c.title,
    completedOn: signed ? signed.c : c.completed_on,
    issuedOn: signed?.i ?? c.issued_on,
    expiresOn: signed ? signed.e : c.expires_on,
    number: c.number,
    shortCode: shortCodeOf(c.number, c.signature),
    qrText: qrTextOf(c.payload, c.signature),
    unit: c.unit_name,
    qualification: null,
    issuer: signed?.o ?? '',
  };
}
