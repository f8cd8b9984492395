import { describe, expect, it } from 'vitest';
import {
  base32,
  checkOf,
  fingerprintOf,
  keyIdOf,
  parseQrText,
  payloadOf,
  qrTextOf,
  shortCodeOf,
} from '../../src-main/domain/certificates/signing.js';

describe('certificate signing helpers', () => {
  it('encodes base32 as RFC 4648 does, without padding', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [text, encoded] of cases) expect(base32(Buffer.from(text))).toBe(encoded);
  });

  it('derives the same short code from the same signature, and a different one from another', () => {
    const sig = Buffer.alloc(64, 7).toString('base64url');
    const code = shortCodeOf('NVK-2026-000123', sig);
    expect(code).toMatch(/^NVK-2026-000123-[A-Z2-7]{8}$/);
    expect(shortCodeOf('NVK-2026-000123', sig)).toBe(code);
    expect(code.endsWith(checkOf(sig))).toBe(true);
    expect(shortCodeOf('NVK-2026-000123', Buffer.alloc(64, 8).toString('base64url'))).not.toBe(code);
  });

  it('prints a key fingerprint as SHA-256 hex in groups of four, and the key id as its first 16 characters', () => {
    const key = Buffer.alloc(32, 0).toString('base64');
    expect(fingerprintOf(key)).toBe(
      '6668 7aad f862 bd77 6c8f c18b 8e9f 8e20 0897 1485 6ee2 33b3 902a 591d 0d5f 2925',
    );
    expect(keyIdOf(key)).toBe('66687aadf862bd77');
  });

  it('writes the payload keys in their fixed order and reads a QR text back', () => {
    const payload = payloadOf({
      number: 'FB-2026-000001',
      person: 'Jörgen Ämtöft',
      title: 'Underground safety',
      completedOn: '2026-02-01',
      issuedOn: '2026-02-02',
      expiresOn: null,
      issuer: 'Norrland Mining',
      keyId: '0123456789abcdef',
    });
    expect(payload).toBe(
      '{"v":1,"n":"FB-2026-000001","p":"Jörgen Ämtöft","w":"Underground safety","c":"2026-02-01",' +
        '"i":"2026-02-02","e":null,"o":"Norrland Mining","k":"0123456789abcdef"}',
    );
    const qr = qrTextOf(payload, 'c2ln');
    expect(qr).toMatch(/^FBC1\.[A-Za-z0-9_-]+\.c2ln$/);
    expect(parseQrText(qr)?.fields.p).toBe('Jörgen Ämtöft');
    expect(parseQrText('FBC1.bm90IGpzb24.c2ln')).toBeNull();
  });
});
