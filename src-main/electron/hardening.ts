import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../app/logger.js';
import { isAllowedRequestUrl, isAppUrl, isSafeExternalUrl } from './security-policy.js';

function openOutside(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Deny by default: no device or feature permissions, and no request that leaves the machine. */
export function hardenSession(ses: Session, log: Logger): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log.log('warn', 'Denied a permission request', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url);
    if (cancel) log.log('warn', 'Blocked a request for remote content', { url: details.url });
    callback({ cancel });
  });
}

/**
 * Every web contents (windows, devtools, anything created later) stays on
 * app:// pages. New windows are never created; https links a user clicks go to
 * the OS browser instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
