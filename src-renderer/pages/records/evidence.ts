import type { FileInfo } from '../../../shared/api/schemas/files';
import { client } from '../../api/client';
import { fileToBase64 } from '../../lib/download';

/** Stores a picked file as evidence; the server's refusal (type, size) comes back as its message. */
export async function uploadEvidence(
  file: File,
): Promise<{ ok: true; file: FileInfo } | { ok: false; message: string }> {
  const dataBase64 = await fileToBase64(file);
  const res = await client.invoke('files.upload', {
    name: file.name,
    mimeType: file.type || 'application/octet-stream',
    dataBase64,
  });
  return res.ok ? { ok: true, file: res.value } : { ok: false, message: res.error.message };
}

/** Fetches a stored file and hands it to the browser's download; returns the server's message on failure. */
export async function downloadEvidence(id: string): Promise<string | null> {
  const res = await client.invoke('files.get', { id });
  if (!res.ok) return res.error.message;
  const bytes = Uint8Array.from(atob(res.value.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: res.value.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = res.value.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

/** What the evidence picker offers: documents and images (the server has the final word). */
export const EVIDENCE_ACCEPT = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
].join(',');
