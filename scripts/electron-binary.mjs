// Where the Electron executable is, or null when its binary was never downloaded.
// Never `require('electron')` to find out: without its binary that starts a
// download, which fails offline and hangs on a network that never answers
// (DESIGN). Shared by scripts/start.mjs and the Electron tests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function findElectron() {
  let pkg;
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
