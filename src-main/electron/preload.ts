import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage } from './channels.js';

/**
 * The page's only door to the main process: `window.api` with exactly `invoke`
 * and `on` (the `Bridge` of shared/api/client.ts). Raw ipcRenderer and its events
 * never cross into the page; the main process checks every call again.
 */
const api = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new TypeError('on(event, listener) needs an event name and a function');
    }
    const relay = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
