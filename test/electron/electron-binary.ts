import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, found the way scripts/start.mjs finds it: never by
 * requiring `electron`, which starts a download of the binary when it is missing
 * (DESIGN: fails offline, hangs on a silent network).
 */
export function electronExecutable(): string | null {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve('electron/package.json');
  } catch {
    return null;
  }
  const pathTxt = join(dirname(pkg), 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dirname(pkg), 'dist');
  const exe = join(dist, readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

const exe = electronExecutable();
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** Why the Electron tests cannot run here, or null when they can. */
export const ELECTRON_SKIP_REASON: string | null = !exe
  ? 'the Electron binary was not downloaded (node_modules/electron/path.txt or dist/ is missing); ' +
    'with network access, `node node_modules/electron/install.js` fetches it'
  : headlessLinux
    ? 'there is no display: run the tests under `xvfb-run`'
    : null;

export const ELECTRON_EXECUTABLE = exe;
