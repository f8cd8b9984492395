import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** Logos and signatures: PNG or JPEG only, at most 2 MB (DESIGN "Certificates"). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageKind = 'png' | 'jpeg';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the first bytes say the image is; null when it is neither PNG nor JPEG. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 8 && PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Why the bytes cannot go on a certificate (one sentence), or null when they can. */
export function imageProblem(bytes: Uint8Array, what = 'The image'): string | null {
  if (bytes.length > MAX_IMAGE_BYTES)
    return `${what} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: use a PNG or JPEG of at most 2 MB.`;
  const kind = imageKind(bytes);
  if (!kind) return `${what} is not a PNG or JPEG image: save it as PNG or JPEG and upload it again.`;
  if (kind === 'png') {
    try {
      readPng(bytes);
    } catch {
      return `${what} is a damaged PNG file that cannot be read: export it again and upload it.`;
    }
  }
  return null;
}

/**
 * A PNG decoded once into what a PDF image XObject holds: deflated RGB and, when
 * any pixel is not opaque, a deflated alpha mask. pdfkit would decode the PNG
 * again for every document, and with an alpha channel it does so asynchronously,
 * which the synchronous renderer cannot wait for.
 */
export interface PreparedPng {
  width: number;
  height: number;
  rgb: Buffer;
  alpha: Buffer | null;
}

/** A PNG's pixels as 8-bit RGBA, whatever its bit depth, palette or interlacing. */
export function readPng(bytes: Uint8Array): { width: number; height: number; data: Buffer } {
  return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

const cache = new Map<string, PreparedPng>();
const CACHE_SIZE = 16;

export function preparePng(bytes: Uint8Array): PreparedPng {
  const key = createHash('sha1').update(bytes).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const png = readPng(bytes);
  const n = png.width * png.height;
  const rgb = Buffer.alloc(n * 3);
  const alpha = Buffer.alloc(n);
  let opaque = true;
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = png.data[i * 4] ?? 0;
    rgb[i * 3 + 1] = png.data[i * 4 + 1] ?? 0;
    rgb[i * 3 + 2] = png.data[i * 4 + 2] ?? 0;
    const a = png.data[i * 4 + 3] ?? 255;
    alpha[i] = a;
    if (a !== 255) opaque = false;
  }
  const prepared: PreparedPng = {
    width: png.width,
    height: png.height,
    rgb: deflateSync(rgb),
    alpha: opaque ? null : deflateSync(alpha),
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, prepared);
  return prepared;
}
