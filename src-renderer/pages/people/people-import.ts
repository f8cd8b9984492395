import type { ImportEncoding } from '../../../shared/api/schemas/import';
import { PEOPLE_COLUMNS, type PeopleImportSummary } from '../../../shared/api/schemas/people-import';
import { downloadText } from '../../lib/download';

export { DELIMITER_NAMES as DELIMITERS, ENCODINGS, MAX_BYTES } from '../../lib/import-files';

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
