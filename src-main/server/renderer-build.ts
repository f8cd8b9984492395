import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (this file lives at src-main/server/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * In a source checkout, builds the renderer when it is missing or older than its
 * sources, so `fieldbook serve` works straight after `npm install`. Returns an
 * error sentence, or null when the renderer is ready.
 */
export function ensureRendererBuilt(say: (line: string) => void): string | null {
  const index = join(RENDERER_DIR, 'index.html');
  const sources = ['src-renderer', 'shared'].map((d) => join(PACKAGE_ROOT, d)).filter((d) => existsSync(d));
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built && (sources.length === 0 || Math.max(...sources.map(newestMtime)) <= built)) return null;
  if (sources.length === 0) return `The user interface is missing from ${RENDERER_DIR}.`;
  say('Building the user interface (first run or after changes)…');
  const bin = join(PACKAGE_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return r.status === 0 ? null : 'Building the user interface failed (see the messages above).';
}
