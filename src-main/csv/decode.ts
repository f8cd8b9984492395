import iconv from 'iconv-lite';

/** The encodings spreadsheets and HR systems actually produce. */
export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
  /** Whether the file began with a byte-order mark (it is not part of `text`). */
  bom: boolean;
  /**
   * Set when the user forced UTF-8 and the bytes are not valid UTF-8: the
   * spreadsheet line holding the first bad byte. The text still decodes, with
   * U+FFFD in place of the bad bytes, so the caller decides whether to refuse.
   */
  invalidAtLine?: number;
}

const BOMS: readonly [CsvEncoding, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): CsvEncoding | undefined {
  return BOMS.find(([, b]) => b.every((x, i) => bytes[i] === x))?.[0];
}

const bomLength = (enc: CsvEncoding) => (enc === 'utf-8' ? 3 : 2);

/**
 * UTF-16 without a BOM is rare but some exports write it: text that is mostly
 * ASCII then has a zero in every other byte. Sampling the start is enough.
 */
function sniffUtf16(bytes: Uint8Array): CsvEncoding | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeAs(bytes: Uint8Array, enc: CsvEncoding): string {
  // iconv-lite, not TextDecoder, for Windows-1252: TextDecoder follows the WHATWG
  // table in most places but Node's small-ICU builds map 0x80–0x9F to C1 controls,
  // which turns "€" and curly quotes into garbage.
  if (enc === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc, {
    stripBOM: false,
  });
}

/** The line (1-based) holding byte offset `at`, counting LF bytes before it. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Turns a file's bytes into text. `auto` trusts a BOM, then strict UTF-8, and
 * falls back to Windows-1252 (what Excel on Windows writes as "CSV"): any byte
 * sequence is valid Windows-1252, so a file never fails to decode. A forced
 * encoding is used as given, and reports where UTF-8 was broken.
 */
export function decodeBytes(bytes: Uint8Array, forced: CsvEncoding | 'auto' = 'auto'): Decoded {
  const bom = bomOf(bytes);
  if (forced !== 'auto') {
    const strip = bom === forced ? bomLength(forced) : 0;
    const body = bytes.subarray(strip);
    const text = decodeAs(body, forced);
    if (forced === 'utf-8') {
      const bad = firstInvalidUtf8(body);
      if (bad >= 0) return { text, encoding: forced, bom: strip > 0, invalidAtLine: lineOfByte(body, bad) };
    }
    return { text, encoding: forced, bom: strip > 0 };
  }
  if (bom) return { text: decodeAs(bytes.subarray(bomLength(bom)), bom), encoding: bom, bom: true };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16, bom: false };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
}

/** How to name an encoding to a person. */
export const encodingLabel = (e: CsvEncoding): string =>
  ({ 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' })[e];
