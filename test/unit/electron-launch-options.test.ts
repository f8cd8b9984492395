import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from '../../src-main/electron/file-log.js';
import { isNativeModuleMismatch, readSwitch } from '../../src-main/electron/launch-options.js';

describe('readSwitch', () => {
  it('finds --db wherever Electron and Chromium put it', () => {
    expect(readSwitch(['/usr/bin/electron', '.', '--db', '/tmp/a.db'], '--db')).toBe('/tmp/a.db');
    expect(readSwitch(['Fieldbook.exe', '--no-sandbox', '--db=C:\\data\\f.db'], '--db')).toBe(
      'C:\\data\\f.db',
    );
    expect(readSwitch(['electron', '.', '--db'], '--db')).toBeUndefined();
    expect(readSwitch(['electron', '.', '--db', '--inspect'], '--db')).toBeUndefined();
    expect(readSwitch(['electron', '.', '--dbx', 'a'], '--db')).toBeUndefined();
  });
});

describe('isNativeModuleMismatch', () => {
  it('recognises better-sqlite3 compiled for another runtime', () => {
    const abi = new Error(
      "Could not open the database /tmp/f.db: The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
    );
    expect(isNativeModuleMismatch(abi)).toBe(true);
    expect(isNativeModuleMismatch(new Error('Could not locate the bindings file. Tried: ...'))).toBe(true);
    expect(isNativeModuleMismatch(new Error('database is locked'))).toBe(false);
  });
});

describe('fileLogger', () => {
  it('appends JSON lines and keeps one previous file once it grows large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-log-'));
    try {
      const file = join(dir, 'logs', 'fieldbook.log');
      const first = fileLogger(file);
      first.log.log('info', 'hello', { n: 1 });
      await new Promise<void>((done) => {
        first.close();
        setTimeout(done, 50);
      });
      expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({
        level: 'info',
        message: 'hello',
        n: 1,
      });

      writeFileSync(file, 'x'.repeat(6 * 1024 * 1024));
      const second = fileLogger(file);
      second.close();
      expect(readFileSync(join(dir, 'logs', 'fieldbook.1.log'), 'utf8')).toHaveLength(6 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
