import type { CertificatePdfData } from './certificate-data.js';

/** Main → worker for a merged document: draw a page, or finish the document. */
export type MergedRequest = { merged: 'page'; data: CertificatePdfData } | { merged: 'end' };

/** Worker → main: the document's bytes produced by that request (possibly none), or why it failed. */
export type MergedReply =
  { bytes: Uint8Array<ArrayBuffer>; error?: undefined } | { error: string; bytes?: undefined };
