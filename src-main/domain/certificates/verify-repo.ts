import type { Db } from '../../db/open.js';

/** What verification needs of an issued certificate: its signed payload and its status. */
export interface VerifiableDbRow {
  id: string;
  number: string;
  status: 'valid' | 'invalid' | 'revoked' | 'superseded';
  status_reason: string | null;
  expires_on: string | null;
  payload: string;
  signature: string;
  key_id: string;
  superseded_by_number: string | null;
}

const SELECT = `SELECT c.id, c.number, c.status, c.status_reason, c.expires_on, c.payload, c.signature,
    c.key_id, s.number AS superseded_by_number
  FROM certificate c LEFT JOIN certificate s ON s.id = c.superseded_by`;

export function verifyRepo(db: Db) {
  return {
    /** Numbers are typed by hand: the column compares without case. */
    byNumber(number: string): VerifiableDbRow | undefined {
      return db.prepare<[string], VerifiableDbRow>(`${SELECT} WHERE c.number = ?`).get(number);
    },

    byId(id: string): VerifiableDbRow | undefined {
      return db.prepare<[string], VerifiableDbRow>(`${SELECT} WHERE c.id = ?`).get(id);
    },

    /** When the certificate took on `status` (its latest change to it up to `asOf`), and why. */
    statusSince(
      certificateId: string,
      status: string,
      asOf: string,
    ): { effective_on: string; reason: string } | undefined {
      return db
        .prepare<[string, string, string], { effective_on: string; reason: string }>(
          `SELECT effective_on, reason FROM certificate_event
           WHERE certificate_id = ? AND status = ? AND effective_on <= ?
           ORDER BY effective_on DESC, at DESC LIMIT 1`,
        )
        .get(certificateId, status, asOf);
    },
  };
}
