#!/usr/bin/env node
// `npm start`: build if needed, then the desktop app when the Electron binary is
// here, else browser mode, saying why in one line. `npm run start:browser`
// (`--browser`) goes straight to browser mode. Other arguments (--db, --port)
// are passed on.
//
// Never `require('electron')` here: without its binary that starts a download,
// which fails offline and hangs on a network that never answers (DESIGN).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-binary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src-main', 'src-renderer', 'shared', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
// Exit codes of src-main/electron/main.ts (launch-options.ts).
const EXIT_DATABASE = 2;
const EXIT_NATIVE_MODULE = 3;
const EARLY_EXIT_MS = 5000;

let interrupted = false;
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const forwarded = args.filter((a) => a !== '--browser');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const sources = SOURCES.map((p) => join(ROOT, p)).filter(existsSync);
  const stale =
    !outputs.every(existsSync) ||
    Math.max(...sources.map(newestMtime)) > Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  if (!stale) return;
  console.log('Building Fieldbook (first run or sources changed)…');
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // Only the build's errors: a newcomer needs to see what Fieldbook says, not the bundler's file list.
  const r = spawnSync(process.execPath, [cli, 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    console.error('The build failed (see the messages above), so Fieldbook was not started.');
    process.exit(1);
  }
}

/** Runs a child with our stdio; Ctrl+C and termination reach it, and its exit code becomes ours. */
function run(command, argv, onExit) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would turn Electron into Node
  const child = spawn(command, argv, { cwd: ROOT, stdio: 'inherit', env });
  const forward = (signal) => {
    interrupted = true;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (e) => {
    console.error(`Could not start ${command}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    onExit(code ?? (signal ? 1 : 0));
  });
}

function browserMode(reason) {
  console.log(reason);
  run(process.execPath, [join(ROOT, 'bin', 'fieldbook.mjs'), 'serve', '--open', ...forwarded], (code) =>
    process.exit(code),
  );
}

buildIfStale();
const electron = browserOnly ? null : findElectron();
if (browserOnly) {
  browserMode('Starting Fieldbook in browser mode (--browser), without Electron.');
} else if (!electron) {
  browserMode(
    'Electron is not installed on this machine (its binary was not downloaded), so Fieldbook opens in browser mode.',
  );
} else {
  const started = Date.now();
  run(electron, ['.', ...forwarded], (code) => {
    const early = Date.now() - started < EARLY_EXIT_MS;
    // A database problem was already shown in a dialog, and browser mode would hit it too.
    if (interrupted || code === 0 || code === EXIT_DATABASE || (!early && code !== EXIT_NATIVE_MODULE)) {
      process.exit(code);
    }
    if (code === EXIT_NATIVE_MODULE) {
      console.error(
        'better-sqlite3 is compiled for Node, not Electron: `npm run rebuild:electron` fixes the desktop app ' +
          '(and `npm run rebuild:node` switches back for the tests).',
      );
    }
    browserMode(
      `Electron stopped at startup (exit code ${code}), so Fieldbook opens in browser mode instead.`,
    );
  });
}
