import type { Db } from '../../db/open.js';

const SEQUENCE_KEY = 'certificates.sequence';

/**
 * The next certificate number, `<organisation code, or FB>-<issue year>-<6-digit
 * sequence>` (e.g. NVK-2026-000123). The sequence is one setting incremented in
 * the issuing transaction, so two certificates never share a number and a
 * rolled-back issue gives its number back.
 */
export function nextCertificateNumber(db: Db, issuedOn: string): string {
  const code =
    db
      .prepare<[], string | null>(
        "SELECT code FROM unit WHERE kind = 'organisation' AND parent_id IS NULL ORDER BY created_at LIMIT 1",
      )
      .pluck()
      .get()
      ?.trim()
      .toUpperCase()
      // Printed and typed: only letters, digits and dashes survive.
      .replace(/[^A-Z0-9-]/g, '') || 'FB';
  const seq =
    db
      .prepare<[string], number>(
        `INSERT INTO setting (key, value) VALUES (?, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
         RETURNING CAST(value AS INTEGER)`,
      )
      .pluck()
      .get(SEQUENCE_KEY) ?? 1;
  return `${code}-${issuedOn.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
}
