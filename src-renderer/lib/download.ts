/**
 * Saves text as a file through the browser's (or Electron's) download, without
 * a round trip: CSV from the main process arrives as text, BOM included, and a
 * Blob keeps it byte for byte as UTF-8.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes exactly as given (an error file in Windows-1252 stays Windows-1252). */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type = 'text/csv'): void {
  downloadBlob(fileName, new Blob([bytes], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium has taken the data once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's bytes as base64, so any encoding reaches the main process untouched. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** "people.csv" → "people-errors.csv". */
export const errorFileName = (original: string): string =>
  `${original.replace(/\.csv$/i, '') || 'import'}-errors.csv`;
