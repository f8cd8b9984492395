/**
 * A competence code folded for comparison: codes are unique without regard to case, in every script —
 * "ÖVR-1" and "övr-1" are the same code. NFC first, so a precomposed Ö and an O with a combining
 * diaeresis agree too. The database keeps this in competence.code_key (UNIQUE); every lookup by code
 * compares by it, because SQLite's NOCASE folds only A–Z.
 */
export function competenceCodeKey(code: string): string {
  return code.normalize('NFC').toLowerCase();
}
