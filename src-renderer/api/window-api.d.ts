import type { Bridge } from '../../shared/api/client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    api?: Bridge;
  }
}

export {};
