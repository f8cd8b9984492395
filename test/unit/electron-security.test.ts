import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../src-main/electron/app-protocol.js';
import {
  APP_SCHEME_REGISTRATION,
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isAppUrl,
  isSafeExternalUrl,
  resolveAppPath,
  secureWebPreferences,
} from '../../src-main/electron/security-policy.js';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('renderer webPreferences', () => {
  const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });

  it('isolate the page from Node and run it in the OS sandbox', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
      devTools: false,
    });
  });

  it('registers app:// as a standard secure scheme', () => {
    expect(APP_SCHEME_REGISTRATION).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(APP_SCHEME_REGISTRATION.privileges?.bypassCSP).toBeFalsy();
  });
});

describe('Content-Security-Policy', () => {
  it('never allows eval, and scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('loads nothing remote and cannot be framed, re-based or submit forms', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('shows course files only from blob: URLs the app made itself', () => {
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('frame-src')).toEqual(["'self'", 'blob:']);
  });

  it('allows inline styles (Mantine) but not inline scripts', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('resolveAppPath', () => {
  const dir = resolve(tmpdir(), 'fieldbook-renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(dir, 'app://fieldbook/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveAppPath(dir, 'app://fieldbook/assets/x.js')).toBe(join(dir, 'assets', 'x.js'));
    expect(resolveAppPath(dir, 'app://fieldbook/')).toBe(join(dir, 'index.html'));
    expect(resolveAppPath(dir, 'app://fieldbook/assets/x.js?v=2#top')).toBe(join(dir, 'assets', 'x.js'));
    expect(resolveAppPath(dir, 'app://fieldbook/assets/a%20b.css')).toBe(join(dir, 'assets', 'a b.css'));
  });

  it.each([
    'app://fieldbook/../../etc/passwd',
    'app://fieldbook/assets/../../../etc/passwd',
    'app://fieldbook/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://fieldbook/%2E%2E/secret',
    'app://fieldbook/..%2f..%2fetc/passwd',
    'app://fieldbook/..\\..\\secret',
    'app://fieldbook/assets%5c..%5c..%5csecret',
    'app://fieldbook//etc/passwd',
    'app://fieldbook/%2fetc%2fpasswd',
    'app://fieldbook/C:/Windows/win.ini',
    'app://fieldbook/C:%5cWindows%5cwin.ini',
    'app://fieldbook/index.html%00.js',
    'app://fieldbook/index.html\0',
    'app://fieldbook/%E0%A4%A',
    'app://fieldbook/./index.html',
    'app://fieldbook.evil/index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://fieldbook/index.html',
    '/etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(dir, url)).toBeNull();
  });

  it('never resolves outside the folder, whatever follows the origin', () => {
    const tricky = fc
      .array(
        fc.constantFrom(
          '..',
          '.',
          '%2e',
          '%2E%2e',
          '/',
          '%2f',
          '\\',
          '%5c',
          '%00',
          ':',
          'C:',
          'a',
          'index.html',
          '%',
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string()), (tail) => {
        const r = resolveAppPath(dir, `app://fieldbook/${tail}`);
        return r === null || r.startsWith(dir + sep);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('URL rules', () => {
  it('treats only our own origin as the app', () => {
    expect(isAppUrl('app://fieldbook/index.html')).toBe(true);
    expect(isAppUrl('app://fieldbook.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://fieldbookx/')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
  });

  it('opens only https links in the OS browser', () => {
    expect(isSafeExternalUrl('https://example.org/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });

  it('lets the page load nothing from the network or the disk', () => {
    expect(isAllowedRequestUrl('app://fieldbook/assets/x.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://fieldbook/1234')).toBe(true);
    for (const url of [
      'https://cdn.example/x.js',
      'http://127.0.0.1/',
      'wss://x/',
      'file:///etc/passwd',
      'app://other/x',
    ])
      expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('app:// protocol handler', () => {
  let root: string;
  let rendererDir: string;
  let handle: ReturnType<typeof createAppProtocolHandler>;
  const get = (url: string, method = 'GET') => handle({ url, method });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fieldbook-protocol-'));
    rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
    writeFileSync(join(rendererDir, 'assets', 'x.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    handle = createAppProtocolHandler(rendererDir);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the renderer with the right type and the policy', async () => {
    const page = await get('app://fieldbook/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Fieldbook</title>');

    const script = await get('app://fieldbook/assets/x.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 (with the policy) for traversal, folders and missing files', async () => {
    for (const url of [
      'app://fieldbook/../secret.txt',
      'app://fieldbook/%2e%2e%2fsecret.txt',
      'app://fieldbook/..%5csecret.txt',
      `app://fieldbook/${encodeURIComponent(join(root, 'secret.txt'))}`,
      'app://fieldbook/assets',
      'app://fieldbook/missing.js',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('is read-only', async () => {
    expect((await get('app://fieldbook/index.html', 'POST')).status).toBe(405);
    const head = await get('app://fieldbook/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
