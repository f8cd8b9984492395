import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path below the app's base to a file inside `root`, or null when it
 * would escape it (`..`, encoded separators, NUL bytes, absolute paths).
 */
export function resolveStaticPath(root: string, relUrlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relUrlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const full = normalize(join(root, rel));
  const base = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(base) ? full : null;
}

export async function loadStatic(root: string, relUrlPath: string) {
  const file = resolveStaticPath(root, relUrlPath);
  if (!file) return null;
  try {
    const body = await readFile(file);
    return { body, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
