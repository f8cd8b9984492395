import { z } from '../../zod.js';

/**
 * The pieces every CSV import shares (people now; units, records, competences
 * later), so the renderer shows one kind of summary and the CLI prints one.
 */

/** `auto` trusts a BOM, then UTF-8, and falls back to Windows-1252 (Excel's "CSV"). */
export const ImportEncoding = z.enum(['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

/** A file as base64 bytes, so any encoding survives the JSON transport untouched. */
export const ImportFile = z.object({
  fileName: z.string().trim().max(255).default('import.csv'),
  // About 37 MB of CSV; the HTTP transport caps a request at 64 MB.
  content: z
    .string()
    .max(50_000_000, 'The file is too large')
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Expected the file as base64'),
  encoding: ImportEncoding.default('auto'),
});

/** One problem, where a spreadsheet user looks: `row` as the spreadsheet numbers it (header = 1). */
export const ImportProblem = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({
  created: z.number(),
  updated: z.number(),
  deleted: z.number(),
  unchanged: z.number(),
});

/** What was read: the encoding used and the separator found, to show next to the summary. */
export const ImportFileFacts = z.object({
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']),
  delimiter: z.enum([',', ';', '\t']),
  /** The original columns and rows plus an `Error` column (CSV text), or null when there is nothing to show. */
  errorCsv: z.string().nullable(),
});
