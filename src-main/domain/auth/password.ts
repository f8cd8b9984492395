import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters travel inside the stored string (`scrypt$N$r$p$salt$hash`),
 * so raising the cost later still verifies old hashes. N = 2^16 follows OWASP's
 * minimum; tests pass a lower cost to stay fast, never a fake hash.
 */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: PasswordCost = { N: 2 ** 16, r: 8, p: 1 };
export const TEST_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LEN = 32;
const maxmem = (c: PasswordCost) => 128 * c.N * c.r * 2;

export function hashPassword(password: string, cost: PasswordCost = DEFAULT_COST): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LEN, { ...cost, maxmem: maxmem(cost) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    ...cost,
    maxmem: maxmem(cost),
  });
  return timingSafeEqual(actual, expected);
}
