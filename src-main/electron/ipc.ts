import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import { isCallName } from '../../shared/api/contract.js';
import { fail } from '../../shared/api/errors.js';
import type { App } from '../app/create-app.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage } from './channels.js';
import { isAppUrl } from './security-policy.js';

/** Each window is its own sign-in: the session lives as long as its web contents. */
export const sessionKeyFor = (contents: WebContents): string => `wc-${contents.id}`;

/**
 * The one invoke channel. Only frames showing our own app:// pages may call;
 * only calls the contract names are forwarded (the dispatcher checks again).
 */
export function registerIpc(app: App): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) {
      app.log.log('warn', 'Refused a call from a page Fieldbook did not serve', { url: frameUrl });
      throw new Error('Refused: this page may not call Fieldbook.');
    }
    if (typeof method !== 'string' || !isCallName(method)) {
      return fail('unknown_call', `There is no call named "${String(method)}".`);
    }
    return app.invokeUntyped(method, input, { sessionKey: sessionKeyFor(event.sender) });
  });
}

/** Signs a window out when it goes away, so its session cannot outlive it. */
export function clearSessionWhenDestroyed(app: App, contents: WebContents): void {
  const key = sessionKeyFor(contents);
  contents.once('destroyed', () => app.sessions.clear(key));
}

/** Main → renderer notifications on the event channel, delivered to every window. */
export function sendEvent(event: string, payload: unknown): void {
  const message: EventMessage = { event, payload };
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, message);
  }
}
