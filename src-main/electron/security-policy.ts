import { isAbsolute, relative, resolve, sep } from 'node:path';
// Type-only: erased at build time, so this module runs (and is tested) in plain Node.
import type { CustomScheme, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';

/**
 * Everything security-relevant about the desktop shell, as plain data and pure
 * functions. main.ts wires these in; test/unit/electron-security.test.ts asserts
 * them, since no scanner understands modern Electron (DESIGN: electronegativity).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives app:// a real origin and relative URLs; `secure` makes it a
 * secure context like https. `corsEnabled` is left off on purpose: the renderer's
 * module scripts are same-origin, and without it no other origin can read app://.
 * `bypassCSP` is never set.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** The same policy browser mode sends: one definition for both transports. */
export { CONTENT_SECURITY_POLICY };

/** The renderer is untrusted web content: no Node, its own JS world, the OS sandbox. */
export function secureWebPreferences(opts: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Dictionaries would be downloaded from the internet on Windows and Linux.
    spellcheck: false,
    devTools: opts.devTools,
  };
}

/** True for pages this app serves itself; used for IPC senders and navigation. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Requests the renderer may make at all. Everything else (http, https,
 * websockets, file://) is cancelled before it leaves, so no remote content can
 * load even if a page asked for it.
 */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || /^(data|blob|devtools):/i.test(url);
}

/** Only https links leave the app, and only to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

const APP_URL_PREFIX = /^app:\/\/fieldbook(?=\/|$)/i;

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL
 * tries to leave that folder. Chromium already normalises standard URLs, so this
 * is the second line of defence: it works on the raw text, refuses anything
 * suspicious outright (rather than normalising it into something harmless-looking)
 * and finally checks containment on the resolved path.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  const prefix = APP_URL_PREFIX.exec(requestUrl);
  if (!prefix) return null;
  const rawPath = requestUrl.slice(prefix[0].length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.replace(/^\//, '');
  if (relativePath.startsWith('/')) return null; // app://fieldbook//etc/passwd
  const segments = relativePath.split('/');
  // ':' covers drive letters (C:) and Windows alternate data streams; no built asset has one.
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;

  const root = resolve(rendererDir);
  const target = resolve(
    root,
    relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath,
  );
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}
