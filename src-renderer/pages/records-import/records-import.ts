import type { ImportEncoding } from '../../../shared/api/schemas/import';
import { downloadBytes } from '../../lib/download';
import type {
  CsvDownload,
  DateOrder,
  RecordsImportOpened,
  RecordsImportSummary,
} from '../../../shared/api/schemas/records-import';

export { DELIMITER_NAMES, ENCODINGS, MAX_BYTES } from '../../lib/import-files';
export const DATE_ORDERS = ['auto', 'dmy', 'mdy', 'ymd'] as const satisfies readonly DateOrder[];
/** Rows per validate call: small enough for the progress bar to move on a big file, big enough to be quick. */
export const SLICE_ROWS = 10_000;

export type Tab = 'import' | 'history' | 'export';

/** Where the import tab is: each step keeps what the next one needs. */
export type Flow =
  | { step: 'pick' }
  | { step: 'opening'; fileName: string }
  | { step: 'opened'; opened: RecordsImportOpened; encoding: ImportEncoding }
  | {
      step: 'validating';
      opened: RecordsImportOpened;
      encoding: ImportEncoding;
      progress: { rowsRead: number; bytesRead: number; totalBytes: number };
    }
  | {
      step: 'validated';
      opened: RecordsImportOpened;
      encoding: ImportEncoding;
      summary: RecordsImportSummary;
    }
  | { step: 'committed'; opened: RecordsImportOpened; summary: RecordsImportSummary };

/** Records an import would create, change or delete. */
export const changesIn = (c: RecordsImportSummary['counts']): number => c.created + c.updated + c.deleted;

/** "About how many rows" from how far through the bytes the reader is; null before the first slice. */
export function estimatedRows(p: { rowsRead: number; bytesRead: number; totalBytes: number }): number | null {
  if (p.bytesRead <= 0 || p.rowsRead <= 0) return null;
  const estimate = Math.round((p.rowsRead * p.totalBytes) / p.bytesRead);
  // Round to something that reads as an estimate, never below what has been read.
  const step = estimate > 10_000 ? 1000 : estimate > 1000 ? 100 : 1;
  return Math.max(p.rowsRead, Math.round(estimate / step) * step);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a CSV from the main process exactly as it was written: its bytes carry
 * their own encoding (an error file is in the original file's, Windows-1252 or
 * UTF-16 included), so nothing here may decode and re-encode them.
 */
export function downloadCsv(file: CsvDownload): void {
  downloadBytes(file.fileName, base64ToBytes(file.content));
}
