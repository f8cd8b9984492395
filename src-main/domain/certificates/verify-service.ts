import type { z } from '../../../shared/zod.js';
import type { VerifyInput, VerifyResult } from '../../../shared/api/schemas/certificates.js';
import { AppError } from '../../app/app-error.js';
import type { Db } from '../../db/open.js';
import { isoDateOf } from '../../../shared/dates.js';
import { checkOf, parsePayload, parseQrText, verifySignature, type SignedPayload } from './signing.js';
import { signingKeyRepo } from './signing-key-repo.js';
import { verifyRepo, type VerifiableDbRow } from './verify-repo.js';

/**
 * Verification works with no network: a short code is looked up among the
 * certificates issued here; a QR text (typed, scanned, or found inside a PDF)
 * carries its own signed payload and is checked against this installation's key
 * or a trusted site's. Only certificates issued here have a status we know.
 */

type Verdict = VerifyResult['verdict'];

/** The QR text as the PDF renderer writes it into the document's Keywords (plain ASCII). */
const QR_IN_TEXT = /FBC1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

const result = (
  verdict: Verdict,
  message: string,
  signed: SignedPayload | null = null,
  issuedHere = false,
): VerifyResult => ({
  verdict,
  message,
  issuedHere,
  signed: signed && {
    number: signed.n,
    person: signed.p,
    title: signed.w,
    completedOn: signed.c,
    issuedOn: signed.i,
    expiresOn: signed.e,
    issuer: signed.o,
    keyId: signed.k,
  },
});

const forged = (message: string) => result('forged', message);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

export function verifyCertificate(db: Db, input: z.output<typeof VerifyInput>, now: Date): VerifyResult {
  const today = isoDateOf(now);
  if (input.pdf !== undefined) {
    const found = QR_IN_TEXT.exec(Buffer.from(input.pdf, 'base64').toString('latin1'));
    if (!found)
      return result(
        'unknown',
        'No Fieldbook certificate code was found in this PDF; type the short code printed under its QR code instead.',
      );
    return verifyQrText(db, found[0], today);
  }
  const code = input.code.replace(/\s+/g, '');
  if (!code)
    throw new AppError('invalid_input', 'Paste a short code or the QR text, or open a certificate PDF.', {
      details: [{ path: 'code', message: 'Paste a short code or the QR text' }],
    });
  const qr = QR_IN_TEXT.exec(code);
  if (qr || /^FBC1\./i.test(code))
    return qr ? verifyQrText(db, qr[0], today) : forged('This QR text is damaged or incomplete.');
  return verifyShortCode(db, code, today);
}

/** `NVK-2026-000123-ABCD2345`: the number, then 8 base32 characters from the signature. */
function verifyShortCode(db: Db, code: string, today: string): VerifyResult {
  const repo = verifyRepo(db);
  const bare = repo.byNumber(code);
  if (bare)
    return result(
      'unknown',
      `Type the whole short code: ${bare.number} followed by a dash and the 8 characters printed after it.`,
    );
  const dash = code.lastIndexOf('-');
  const number = dash > 0 ? code.slice(0, dash) : code;
  const row = dash > 0 ? repo.byNumber(number) : undefined;
  if (!row)
    return result(
      'unknown',
      `No certificate numbered ${number} was issued here. A certificate from another site can be checked with its QR code or PDF.`,
    );
  // Base32 has no 0, 1 or 8: read them as the letters they are mistaken for.
  const check = code
    .slice(dash + 1)
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (check !== checkOf(row.signature))
    return forged(
      `The code does not match certificate ${row.number} issued here: it was mistyped or altered.`,
    );
  const key = signingKeyRepo(db).byId(row.key_id);
  const fields = parsePayload(row.payload);
  if (
    !key ||
    !fields ||
    fields.n !== row.number ||
    !verifySignature(key.public_key, row.payload, row.signature)
  )
    return forged(`The record of certificate ${row.number} here does not match its signature.`);
  return statusHere(db, row, fields, today);
}

function verifyQrText(db: Db, text: string, today: string): VerifyResult {
  const qr = parseQrText(text);
  if (!qr) return forged('This QR text is damaged or was altered: it is not a certificate Fieldbook signed.');
  const { fields } = qr;
  const key = signingKeyRepo(db).byId(fields.k);
  if (!key)
    return forged(
      'This certificate was signed with a key this installation does not know or trust. If it comes from another site, trust that site’s public key first.',
    );
  if (!verifySignature(key.public_key, qr.payload, qr.signature))
    return forged('The signature does not match the details: the certificate was altered or forged.');
  if (key.removed_at)
    return forged(
      `This certificate was signed with the key of ${key.name}, which is no longer trusted here (removed on ${key.removed_at.slice(0, 10)}).`,
    );
  if (!key.own) {
    const expired = fields.e !== null && fields.e <= today;
    return result(
      expired ? 'expired' : 'valid',
      (expired
        ? `Certificate ${fields.n} from ${key.name} expired on ${fields.e}.`
        : `Certificate ${fields.n} is genuine, signed by ${key.name}.`) +
        ' Whether it was revoked since can only be checked at the site that issued it.',
      fields,
      false,
    );
  }
  const row = verifyRepo(db).byNumber(fields.n);
  if (!row || !sameSignature(row.signature, qr.signature))
    return result(
      'unknown',
      `Certificate ${fields.n} carries this installation's signature, but no such certificate is on record here.`,
      fields,
      true,
    );
  return statusHere(db, row, fields, today);
}

/**
 * Whether two base64url signatures are the same bytes. The text is not unique:
 * the last character's unused low bits can differ (a 64-byte signature ends in
 * 2 such bits) and the signature still verifies, so comparing strings let a
 * revoked certificate's QR text with one changed character verify as "unknown".
 */
function sameSignature(a: string, b: string): boolean {
  return Buffer.from(a, 'base64url').equals(Buffer.from(b, 'base64url'));
}

/** A certificate issued here: its status today, with when and why it changed. */
function statusHere(db: Db, row: VerifiableDbRow, fields: SignedPayload, today: string): VerifyResult {
  const since = (s: string) => verifyRepo(db).statusSince(row.id, s, today);
  const ok = (v: Verdict, message: string) => result(v, message, fields, true);
  const n = row.number;
  switch (row.status) {
    case 'revoked': {
      const e = since('revoked');
      const reason = row.status_reason ?? e?.reason;
      return ok(
        'revoked',
        `Certificate ${n} was revoked${e ? ` on ${e.effective_on}` : ''}${reason ? `: ${sentence(reason)}` : '.'}`,
      );
    }
    case 'superseded': {
      const e = since('superseded');
      return ok(
        'superseded',
        `Certificate ${n} was replaced${row.superseded_by_number ? ` by certificate ${row.superseded_by_number}` : ' by a newer certificate'}${e ? ` on ${e.effective_on}` : ''}.`,
      );
    }
    case 'invalid': {
      const e = since('invalid');
      const reason = row.status_reason ?? e?.reason;
      return ok(
        'invalid',
        `Certificate ${n} is no longer valid${e ? ` since ${e.effective_on}` : ''}${reason ? `: ${sentence(reason)}` : '.'}`,
      );
    }
    case 'valid':
      if (row.expires_on !== null && row.expires_on <= today)
        return ok('expired', `Certificate ${n} expired on ${row.expires_on}.`);
      return ok(
        'valid',
        `Certificate ${n} is valid: ${fields.w}, issued to ${fields.p} on ${fields.i}, ${row.expires_on ? `expires on ${row.expires_on}` : 'does not expire'}.`,
      );
  }
}
