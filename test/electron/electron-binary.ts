import { findElectron } from '../../scripts/electron-binary.mjs';

const exe = findElectron();
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** Why the Electron tests cannot run here, or null when they can. */
export const ELECTRON_SKIP_REASON: string | null = !exe
  ? 'the Electron binary was not downloaded (node_modules/electron/path.txt or dist/ is missing); ' +
    'with network access, `node node_modules/electron/install.js` fetches it'
  : headlessLinux
    ? 'there is no display: run the tests under `xvfb-run`'
    : null;

export const ELECTRON_EXECUTABLE = exe;
