import type { ImportEncoding } from '../../shared/api/schemas/import';

/** The encodings an import screen offers: automatic first, then what spreadsheets write. */
export const ENCODINGS = [
  'auto',
  'utf-8',
  'windows-1252',
  'utf-16le',
  'utf-16be',
] as const satisfies readonly ImportEncoding[];

/** Matches the contract's cap on the base64 text (4 bytes of base64 per 3 of file). */
export const MAX_BYTES = 37_000_000;

/** A separator's name, for translated labels. */
export const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
