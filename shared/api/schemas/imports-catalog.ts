import { z } from '../../zod.js';
import { Id } from '../common.js';
import { ImportCounts, ImportFile, ImportFileFacts, ImportProblem } from './import.js';

/** The columns of a modules file, in the order an export writes them. */
export const MODULE_COLUMNS = [
  'Code',
  'Title',
  'Type',
  'Default Validity Months',
  'Training Record',
] as const;

/** The columns of an assignments file: one row per (target, module), in the order an export writes them. */
export const ASSIGNMENT_COLUMNS = [
  'Target Type',
  'Target',
  'Module Code',
  'Status',
  'Validity Months',
  'Due Date',
] as const;

export const ModulesImportInput = ImportFile.extend({
  /** The unit that owns modules the file creates; omitted = the organisation. */
  ownerUnitId: Id.optional(),
}).strict();

export const AssignmentsImportInput = ImportFile.strict();

/** What an import of modules or assignments did (or would do), row by row. */
export const CatalogImportSummary = ImportFileFacts.extend({
  committed: z.boolean(),
  counts: ImportCounts,
  errors: z.array(ImportProblem),
});
export type CatalogImportSummary = z.infer<typeof CatalogImportSummary>;

export const CatalogExportInput = z.object({}).strict();
export const CatalogExport = z.object({ fileName: z.string(), csv: z.string() });
