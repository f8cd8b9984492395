import { describe, expect, it } from 'vitest';
import { hashPassword, TEST_COST, verifyPassword } from '../../src-main/domain/auth/password.js';

describe('password hashing', () => {
  it('verifies the right password and rejects others', () => {
    const h = hashPassword('Åsa’s long passphrase', TEST_COST);
    expect(verifyPassword('Åsa’s long passphrase', h)).toBe(true);
    expect(verifyPassword('Åsa’s long passphrasE', h)).toBe(false);
  });

  it('salts every hash, and keeps the cost inside it', () => {
    const a = hashPassword('same password', TEST_COST);
    const b = hashPassword('same password', TEST_COST);
    expect(a).not.toBe(b);
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
  });

  it('treats composed and decomposed Unicode as the same password', () => {
    const h = hashPassword('Jörgen Ämtöft', TEST_COST);
    expect(verifyPassword('Jo\u0308rgen A\u0308mto\u0308ft', h)).toBe(true);
  });

  it('rejects malformed stored hashes instead of throwing', () => {
    expect(verifyPassword('x', 'plaintext')).toBe(false);
    expect(verifyPassword('x', '')).toBe(false);
  });
});
