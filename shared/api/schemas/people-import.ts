import { z } from '../../zod.js';
import { Id } from '../common.js';
import { ImportCounts, ImportFile, ImportFileFacts, ImportProblem } from './import.js';
import { PeopleSort } from './people.js';

/** The columns of a people file, in the order an export writes them. */
export const PEOPLE_COLUMNS = [
  'Email',
  'First Name',
  'Last Name',
  'Employee Number',
  'Unit',
  'Department',
  'Job Title',
  'Manager Email',
  'Status',
] as const;

export const PeopleImportInput = ImportFile.extend({
  /** Deactivate active people within the importer's scope who are not in the file. */
  deactivateMissing: z.boolean().default(false),
}).strict();

export const PeopleImportSummary = ImportFileFacts.extend({
  committed: z.boolean(),
  counts: ImportCounts.extend({ deactivated: z.number() }),
  errors: z.array(ImportProblem),
  /** Departments and job titles the file names that do not exist yet: created on commit. */
  newDepartments: z.array(z.string()),
  newJobTitles: z.array(z.string()),
});
export type PeopleImportSummary = z.infer<typeof PeopleImportSummary>;

/** The same filters as the people list; the status defaults to everyone, since the file has a Status column. */
export const PeopleExportInput = z
  .object({
    search: z.string().trim().max(200).optional(),
    unitId: Id.optional(),
    departmentId: Id.optional(),
    jobTitleId: Id.optional(),
    status: z.enum(['active', 'left', 'all']).default('all'),
    sort: PeopleSort.default({ by: 'name', dir: 'asc' }),
  })
  .strict();

export const PeopleExport = z.object({ fileName: z.string(), csv: z.string() });
