import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What a newcomer sees from `npm start` on a machine whose Electron binary was never downloaded. */
describe('npm start without the Electron binary', () => {
  it('says in one line that it opens browser mode, then serves the app at a tokened address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-start-'));
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--db', join(dir, 'start.db'), '--port', '0'],
      {
        // Point Electron's lookup at nothing, so the test means the same on a machine that has the binary.
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
          BROWSER: 'none',
          DISPLAY: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 50 s; output:\n${out}`)), 50_000);
        const check = () => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          } else setTimeout(check, 100);
        };
        check();
      });
      const lines = out.split('\n').filter((l) => l.trim() && !/^Building|vite|built in|out\//.test(l));
      expect(lines[0]).toBe(
        'Electron is not installed on this machine (its binary was not downloaded), so Fieldbook opens in browser mode.',
      );
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Fieldbook</title>');
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
