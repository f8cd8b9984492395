import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../shared/api/client.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security-policy.js';
import { ELECTRON_EXECUTABLE, ELECTRON_SKIP_REASON } from './electron-binary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const api = () => (window as unknown as { api: Bridge }).api;

function ensureBuilt(): void {
  if (BUILT.every((f) => existsSync(join(ROOT, f)))) return;
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed; the desktop app cannot be tested.');
}

const title = `the desktop app${ELECTRON_SKIP_REASON ? ` (skipped: ${ELECTRON_SKIP_REASON})` : ''}`;

describe.skipIf(ELECTRON_SKIP_REASON !== null)(title, () => {
  let tmp: string;
  let electronApp: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    tmp = mkdtempSync(join(tmpdir(), 'fieldbook-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    // Its own data folder (Linux): logs, Chromium state and the single-instance lock stay out of the user's.
    env.XDG_CONFIG_HOME = join(tmp, 'config');
    electronApp = await _electron.launch({
      executablePath: ELECTRON_EXECUTABLE!,
      // '.' runs the app as `npm start` does, so package.json names it Fieldbook.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.', '--db', join(tmp, 'fieldbook.db')],
      cwd: ROOT,
      env,
    });
    page = await electronApp.firstWindow();
  }, 120_000);

  afterAll(async () => {
    await electronApp?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('opens a new database on the setup screen, served from app://', async () => {
    expect(page.url()).toBe('app://fieldbook/index.html');
    await page.getByRole('heading', { name: 'Set up Fieldbook' }).waitFor();
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('gives the page window.api with exactly invoke and on, and no Node', async () => {
    const probe = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
    }));
    expect(probe).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });

  it('answers contract calls and refuses anything else', async () => {
    expect(await page.evaluate(() => api().invoke('setup.status', {}))).toMatchObject({
      ok: true,
      value: { needsSetup: true },
    });
    expect(await page.evaluate(() => api().invoke('fs.readFile', { path: '/etc/passwd' }))).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('serves every page with the policy and opens no other window', async () => {
    const csp = await page.evaluate(() =>
      fetch('app://fieldbook/index.html').then((r) => r.headers.get('content-security-policy')),
    );
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(electronApp.windows()).toHaveLength(1);
  });
});
