/**
 * One Content-Security-Policy for the renderer, whether Electron serves it over
 * app:// or browser mode over http://127.0.0.1. Inline styles are allowed because
 * Mantine sets them; scripts only from the app itself, never eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Course files (PDF, video, audio) are shown from blob: URLs made from files.get, never from the network.
  "media-src 'self' blob:",
  "frame-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
