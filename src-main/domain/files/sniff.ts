/**
 * What a file's first bytes say it is, for the types a browser would render or
 * play: a file named .pdf that is really something else must not be stored as a
 * PDF and later handed to a viewer as one. Other allowed types (office
 * documents, text, audio) are stored as declared.
 */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/webm': (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])),
};

/** Whether the bytes agree with the declared type (true for types without a checked signature). */
export function bytesMatchType(mimeType: string, bytes: Buffer): boolean {
  const check = SIGNATURES[mimeType];
  return check ? check(bytes) : true;
}

const NAMES: Record<string, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'video/mp4': 'an MP4 video',
  'video/webm': 'a WebM video',
};

/** "a PDF", "a PNG image"…: how a refusal names the type the file claimed. */
export const typeName = (mimeType: string): string => NAMES[mimeType] ?? mimeType;
