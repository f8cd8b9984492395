import type { ImportEncoding } from '../../../shared/api/schemas/import';
import { PEOPLE_COLUMNS, type PeopleImportSummary } from '../../../shared/api/schemas/people-import';
import { downloadText } from '../../lib/download';

export const ENCODINGS = [
  'auto',
  'utf-8',
  'windows-1252',
  'utf-16le',
  'utf-16be',
] as const satisfies readonly ImportEncoding[];
/** Matches the contract's cap on the base64 text (4 bytes of base64 per 3 of file). */
export const MAX_BYTES = 37_000_000;
export const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

export type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

export interface Checked {
  summary: PeopleImportSummary;
  /** What was checked: committing sends exactly this. */
  input: { fileName: string; content: string; encoding: ImportEncoding; deactivateMissing: boolean };
}

export const changesIn = (s: PeopleImportSummary) =>
  s.counts.created + s.counts.updated + s.counts.deactivated;

export function downloadTemplate() {
  // Excel needs the BOM to read UTF-8 names (Åsa, Jörgen) correctly.
  downloadText('people-template.csv', `\uFEFF${PEOPLE_COLUMNS.join(',')}\r\n`);
}
