/** The only two IPC channels between the renderer and the main process (shared by main and preload). */
export const INVOKE_CHANNEL = 'fieldbook:invoke';
export const EVENT_CHANNEL = 'fieldbook:event';

/** What travels on EVENT_CHANNEL: the preload unwraps it so the page never sees an IpcRendererEvent. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
