import { useTranslation } from 'react-i18next';
import type { CertificateRow } from '../../../shared/api/schemas/certificates';
import { daysBetween } from '../../../shared/dates';
import { client } from '../../api/client';
import { TagBadge } from '../../components/TagBadge';
import { downloadBytes } from '../../lib/download';
import classes from './certificates.module.css';

/** What a person sees: the stored status, refined by the dates (a valid one may be expiring or past expiry). */
export type ShownStatus = 'valid' | 'expiringSoon' | 'expired' | 'invalid' | 'revoked' | 'superseded';

/** "Expiring soon" within this many days of the expiry date (the brief's fixed 30, like EXPIRY_WARNING_DAYS). */
const EXPIRING_DAYS = 30;

export function shownStatus(
  row: Pick<CertificateRow, 'status' | 'expired' | 'expiresOn'>,
  today: string,
): ShownStatus {
  if (row.status !== 'valid') return row.status;
  if (row.expired || (row.expiresOn !== null && row.expiresOn <= today)) return 'expired';
  if (row.expiresOn !== null && daysBetween(today, row.expiresOn) <= EXPIRING_DAYS) return 'expiringSoon';
  return 'valid';
}

const COLOR: Record<ShownStatus, string> = {
  valid: 'teal',
  expiringSoon: 'yellow',
  expired: 'red',
  invalid: 'orange',
  revoked: 'red',
  superseded: 'gray',
};

/** The status in words; the colour only repeats them. */
export function CertificateStatusBadge({ status }: { status: ShownStatus }) {
  const { t } = useTranslation();
  return (
    <TagBadge
      color={COLOR[status]}
      {...(status === 'expiringSoon' ? { className: classes.expiringBadge } : {})}
    >
      {t(`certificates.status.${status}`)}
    </TagBadge>
  );
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The certificate's PDF, made by the main process (off its main thread). */
export async function fetchCertificatePdf(
  id: string,
): Promise<{ ok: true; fileName: string; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string }> {
  const res = await client.invoke('certificates.pdf', { id });
  if (!res.ok) return { ok: false, message: res.error.message };
  return { ok: true, fileName: res.value.fileName, bytes: base64ToBytes(res.value.content) };
}

/** Downloads one certificate; the server's message when it fails, else null. */
export async function downloadCertificate(id: string): Promise<string | null> {
  const pdf = await fetchCertificatePdf(id);
  if (!pdf.ok) return pdf.message;
  downloadBytes(pdf.fileName, pdf.bytes, 'application/pdf');
  return null;
}
