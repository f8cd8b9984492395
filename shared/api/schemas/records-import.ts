import { z } from '../../zod.js';
import { Id, PageQuery } from '../common.js';
import { ImportCounts, ImportEncoding, ImportFile, ImportProblem } from './import.js';

/**
 * Training-record CSV import and export (`000_*`, DESIGN.md "CSV"). A file is
 * opened once (uploaded, decoded, its header checked, a preview shown), then
 * validated in slices so a big file shows progress and can be cancelled, then
 * committed in one transaction. Every commit is kept in the import history and
 * can be undone.
 */

/** The `000_*` import columns, in order. */
export const RECORD_IMPORT_COLUMNS = [
  'Record Id',
  'Name',
  'Record Type',
  'Object Id',
  'Title',
  'Training Provider',
  'Completion Date',
  'Other Information',
  'Qualification Code',
  'Delete?',
] as const;
/** Record types as a person writes them in the CSV (the importer also reads other spellings). */
export const RECORD_TYPE_WORDS = {
  course: 'Course',
  quiz: 'Quiz',
  event: 'Event',
  learning_path: 'Learning Path',
  external_course: 'External Course',
  certificate: 'Certificate',
} as const;

/** Export adds these at the end; an import accepts and ignores them (and an `Error` column). */
export const RECORD_EXPORT_EXTRA_COLUMNS = ['Email', 'First Name', 'Last Name'] as const;

/**
 * How to read `03/04/2025`: `dmy` (3 April), `mdy` (4 March). `auto` reads only
 * what cannot be misread (`2025-04-03`, `3.4.2025`, `13/04/2025`, Excel serials)
 * and reports an ambiguous date as an error naming the choice to make.
 */
export const DateOrder = z.enum(['auto', 'dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof DateOrder>;

export const RecordsImportOpenInput = ImportFile.extend({
  dateOrder: DateOrder.default('auto'),
}).strict();

/** What a slice of validation or a commit found. */
export const RecordsImportSummary = z.object({
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']),
  delimiter: z.enum([',', ';', '\t']),
  dateOrder: DateOrder,
  /** Data rows read (blank lines not counted). */
  rows: z.number(),
  counts: ImportCounts,
  /** Rows left out because they have errors (only when importing the valid rows only). */
  skipped: z.number(),
  /** Every problem, by spreadsheet row (header = 1) and column; capped at 10,000 (see errorCount). */
  errors: z.array(ImportProblem),
  errorCount: z.number(),
  /** Rows with at least one error. */
  rowsWithErrors: z.number(),
  /**
   * What the import does (or did), row by row: each record created, updated (with every changed
   * column, from → to) or deleted; capped at 10,000 (see changeCount). Unchanged rows are not listed.
   */
  changes: z.array(
    z.object({
      row: z.number(),
      action: z.enum(['create', 'update', 'delete']),
      recordId: z.string().nullable(),
      person: z.string(),
      title: z.string(),
      fields: z.array(z.object({ column: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  changeCount: z.number(),
  committed: z.boolean(),
  validOnly: z.boolean(),
  /** The import history entry, once committed. */
  importId: z.string().nullable(),
});
export type RecordsImportSummary = z.infer<typeof RecordsImportSummary>;
export type RecordImportChange = RecordsImportSummary['changes'][number];

export const RecordsImportOpened = z.object({
  /** Names the opened file in the calls that follow (kept in memory for an hour, for this user only). */
  token: z.string(),
  fileName: z.string(),
  /** SHA-256 of the bytes, hex. */
  fileHash: z.string(),
  totalBytes: z.number(),
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']),
  delimiter: z.enum([',', ';', '\t']),
  dateOrder: DateOrder,
  /**
   * The order the file's unambiguous dates prove (a `13/04/2025` proves dmy) among its first 20,000
   * rows, with the row that proves it; null when nothing does. Only a hint: `auto` still refuses
   * ambiguous dates.
   */
  detectedDateOrder: z
    .object({ order: z.enum(['dmy', 'mdy']), row: z.number(), value: z.string() })
    .nullable(),
  header: z.array(z.string()),
  /** The first rows as the file has them (cells), for the preview table. */
  preview: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  /** Problems with the file as a whole (encoding, missing or unknown columns): nothing can be imported. */
  fileErrors: z.array(ImportProblem),
});
export type RecordsImportOpened = z.infer<typeof RecordsImportOpened>;

export const RecordsImportToken = z.object({ token: z.string().min(1).max(100) }).strict();

export const RecordsImportValidateInput = RecordsImportToken.extend({
  /** Rows to read in this slice; the renderer asks again until `done`. */
  maxRows: z.number().int().min(1).max(100_000).default(20_000),
}).strict();

export const RecordsImportProgress = z.object({
  rowsRead: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  done: z.boolean(),
  /** Once done: the dry run's summary (nothing written). */
  summary: RecordsImportSummary.nullable(),
});
export type RecordsImportProgress = z.infer<typeof RecordsImportProgress>;

export const RecordsImportCommitInput = RecordsImportToken.extend({
  /** Import the rows without errors and leave the others out (explicit, shown in the summary and history). */
  validOnly: z.boolean().default(false),
}).strict();

/** A CSV file to save: its name and bytes (base64), in the encoding it was written in. */
export const CsvDownload = z.object({ fileName: z.string(), content: z.string(), rows: z.number() });
export type CsvDownload = z.infer<typeof CsvDownload>;

export const RecordsExportInput = z
  .object({
    /** A unit and everything below it (the person's current unit). */
    unitId: Id.optional(),
    personId: Id.optional(),
  })
  .strict();

export const RecordImportRow = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  encoding: ImportEncoding,
  rows: z.number(),
  counts: ImportCounts,
  skipped: z.number(),
  errorCount: z.number(),
  validOnly: z.boolean(),
  hasErrorFile: z.boolean(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
});
export type RecordImportRow = z.infer<typeof RecordImportRow>;

export const RecordImportsQuery = PageQuery.strict();
export const RecordImportsPage = z.object({ rows: z.array(RecordImportRow), total: z.number() });

export const RecordImportRef = z.object({ id: Id }).strict();

export const RecordImportUndone = z.object({
  /** Records the import created, now removed; updated ones restored; deleted ones brought back. */
  removed: z.number(),
  restored: z.number(),
  broughtBack: z.number(),
});
