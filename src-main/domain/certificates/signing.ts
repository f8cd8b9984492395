import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { orgRepo } from '../org/repo.js';
import { signingKeyRepo } from './signing-key-repo.js';

/**
 * Offline-verifiable certificates (issue 8): the installation signs each
 * certificate's payload with its own Ed25519 key, created on first use and kept
 * in the database. Any Fieldbook holding the public key (its own, or a trusted
 * site's) can check a QR text; the printed short code carries a check derived
 * from the signature, so a typed number alone cannot be passed off as genuine.
 */

/** The fields a certificate's signature covers, in their fixed order (see payloadOf). */
export interface SignedPayload {
  v: 1;
  n: string;
  p: string;
  w: string;
  c: string | null;
  i: string;
  e: string | null;
  o: string;
  k: string;
}

export interface CertificateFields {
  number: string;
  person: string;
  title: string;
  completedOn: string | null;
  issuedOn: string;
  expiresOn: string | null;
}

export const QR_PREFIX = 'FBC1.';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
export const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest();

/** First 16 hex characters of SHA-256 over the raw public key: the id a payload names. */
export const keyIdOf = (publicKeyBase64: string): string =>
  sha256(Buffer.from(publicKeyBase64, 'base64')).toString('hex').slice(0, 16);

/** SHA-256 of the raw key as hex in groups of four, for reading aloud or comparing on paper. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = sha256(Buffer.from(publicKeyBase64, 'base64')).toString('hex');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The canonical JSON that is signed: always the same keys in the same order. */
export function payloadOf(f: CertificateFields & { issuer: string; keyId: string }): string {
  const p: SignedPayload = {
    v: 1,
    n: f.number,
    p: f.person,
    w: f.title,
    c: f.completedOn,
    i: f.issuedOn,
    e: f.expiresOn,
    o: f.issuer,
    k: f.keyId,
  };
  return JSON.stringify(p);
}

/** The text in the QR code: prefix, the payload in base64url, and its signature. */
export const qrTextOf = (payload: string, signature: string): string =>
  `${QR_PREFIX}${Buffer.from(payload, 'utf8').toString('base64url')}.${signature}`;

/** What is printed to type in: the number and 8 base32 characters of SHA-256 over the signature. */
export const shortCodeOf = (number: string, signature: string): string => `${number}-${checkOf(signature)}`;

export const checkOf = (signature: string): string =>
  base32(sha256(Buffer.from(signature, 'base64url'))).slice(0, 8);

/** A raw 32-byte Ed25519 public key (base64) as a key object node:crypto can verify with. */
export const publicKeyObject = (publicKeyBase64: string): KeyObject =>
  createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(publicKeyBase64, 'base64')]),
    format: 'der',
    type: 'spki',
  });

/** Whether `signature` (base64url) is the key's Ed25519 signature over the payload's UTF-8 bytes. */
export function verifySignature(publicKeyBase64: string, payload: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(payload, 'utf8'),
      publicKeyObject(publicKeyBase64),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

/**
 * This installation's key, made on first use. The name is the organisation's,
 * so another site trusting it sees whose it is.
 */
export function ownKey(db: Db, now: string): { id: string; name: string; publicKey: string } {
  const repo = signingKeyRepo(db);
  let row = repo.own();
  if (!row) {
    const pair = generateKeyPairSync('ed25519');
    const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
    const publicKey = spki.subarray(spki.length - 32).toString('base64');
    repo.insertOwnIfMissing({
      id: keyIdOf(publicKey),
      name: orgRepo(db).organisation()?.name ?? 'Fieldbook',
      publicKey,
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      now,
    });
    row = repo.own();
    if (!row) throw new Error('The signing key could not be stored.');
  }
  return { id: row.id, name: row.name, publicKey: row.public_key };
}

// Parsing PKCS#8 for each of a thousand certificates issued in one sweep is wasted work.
let cachedPrivate: { der: string; key: KeyObject } | null = null;
function privateKeyObject(der: string): KeyObject {
  if (cachedPrivate?.der !== der)
    cachedPrivate = {
      der,
      key: createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }),
    };
  return cachedPrivate.key;
}

/** Signs a certificate's fields with this installation's key (made if missing); the issuer is the organisation. */
export function signCertificate(
  db: Db,
  fields: CertificateFields,
  now: string,
): { payload: string; signature: string; keyId: string } {
  const key = ownKey(db, now);
  const privateDer = signingKeyRepo(db).own()?.private_key;
  if (!privateDer) throw new Error('This installation has no private signing key.');
  const issuer = orgRepo(db).organisation()?.name ?? key.name;
  const payload = payloadOf({ ...fields, issuer, keyId: key.id });
  const signature = sign(null, Buffer.from(payload, 'utf8'), privateKeyObject(privateDer)).toString(
    'base64url',
  );
  return { payload, signature, keyId: key.id };
}

/**
 * A QR text split into its payload and signature, with the payload's fields
 * checked for shape; null when it is not one (damaged, cut short, or made up).
 */
export function parseQrText(
  text: string,
): { payload: string; signature: string; fields: SignedPayload } | null {
  const m = /^FBC1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const payload = Buffer.from(m[1], 'base64url').toString('utf8');
  const fields = parsePayload(payload);
  return fields ? { payload, signature: m[2], fields } : null;
}

const str = (x: unknown): x is string => typeof x === 'string';
const strOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';

/** A stored or scanned payload's fields, or null when it is not a version-1 certificate payload. */
export function parsePayload(payload: string): SignedPayload | null {
  let o: unknown;
  try {
    o = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const p = o as Record<string, unknown>;
  const ok =
    p.v === 1 &&
    str(p.n) &&
    str(p.p) &&
    str(p.w) &&
    strOrNull(p.c) &&
    str(p.i) &&
    strOrNull(p.e) &&
    str(p.o) &&
    str(p.k);
  return ok ? (p as unknown as SignedPayload) : null;
}
