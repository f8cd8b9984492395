import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';

/**
 * Competences (issue 9, `003_*`): a tree with default validity in days, fed by
 * training through module ↔ competence mappings.
 */

export const CompetenceStatus = z.enum(['valid', 'expiring', 'expired', 'missing']);

const Code = z
  .string()
  // One spelling of Ö whether typed composed or as O + a combining mark.
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter a code')
      .max(40, 'Use at most 40 characters')
      .regex(
        /^[\p{L}\p{N}._\-/]+$/u,
        'Use letters, digits, dots, dashes, slashes or underscores (no spaces)',
      ),
  );
export const DefaultDays = z
  .number()
  .int('Enter whole days')
  .min(1, 'Enter at least 1 day, or leave it blank for never')
  .max(36_500, 'Enter at most 36500 days (100 years)')
  .nullable();

export const MappedModule = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.string(),
});

export const CompetenceNode = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  parentId: z.string().nullable(),
  defaultDays: z.number().nullable(),
  archived: z.boolean(),
  /** Modules whose completion gives this competence. */
  modules: z.array(MappedModule),
});
export type CompetenceNode = z.infer<typeof CompetenceNode>;

export const CompetenceTree = z.object({
  /** Every node, parents before children, siblings by name. */
  nodes: z.array(CompetenceNode),
  canManage: z.boolean(),
});

export const TreeQuery = z.object({ includeArchived: z.boolean().default(false) });

export const CompetenceInput = z.object({
  /** Absent: a new competence. */
  id: Id.optional(),
  code: Code,
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  description: z.string().trim().max(2000).nullable().default(null),
  parentId: Id.nullable().default(null),
  defaultDays: DefaultDays,
});

export const CompetenceRef = z.object({ id: Id });
export const ArchiveInput = z.object({ id: Id, archived: z.boolean() });

/** What deleting a competence would remove: itself and its subtree, from everyone who holds any of them. */
export const DeleteImpact = z.object({
  competences: z.number(),
  people: z.number(),
  grants: z.number(),
  mappings: z.number(),
});
export const DeleteInput = z.object({
  id: Id,
  /** The people count the person confirmed; a different current count refuses (someone changed it meanwhile). */
  confirmPeople: z.number().int().min(0),
});

export const MappingsInput = z.object({ competenceId: Id, moduleIds: z.array(Id).max(500) });
export const MappingPreview = z.object({
  added: z.array(MappedModule.extend({ people: z.number(), grants: z.number() })),
  removed: z.array(MappedModule),
  /** Distinct people who would get the competence from the backfill (not counting those who already have those grants). */
  people: z.number(),
  grants: z.number(),
});
export const MappingsSaved = z.object({ people: z.number(), grants: z.number(), removed: z.number() });

/** One competence a person holds (as of a day): the completion reaching furthest decides. */
export const HeldCompetence = z.object({
  competenceId: z.string(),
  code: z.string(),
  name: z.string(),
  /** Category names from the root, e.g. ["Safety", "Lifting"]. */
  path: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  status: CompetenceStatus,
  archived: z.boolean(),
  source: z.object({ moduleId: z.string(), code: z.string().nullable(), title: z.string() }),
  /** Every completion that gave it, newest first. */
  grants: z.array(
    z.object({
      moduleId: z.string(),
      moduleTitle: z.string(),
      completionDate: z.string(),
      validUntil: z.string().nullable(),
    }),
  ),
});
export const PersonCompetencesQuery = z.object({ personId: Id, asOf: IsoDate.optional() });
export const PersonCompetences = z.object({ asOf: z.string(), rows: z.array(HeldCompetence) });

export const MatrixQuery = PageQuery.extend({
  asOf: IsoDate.optional(),
  unitId: Id.optional(),
  /** A category (or any node): its subtree's competences are the columns. */
  categoryId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  status: CompetenceStatus.optional(),
});
export const MatrixCell = z.object({
  status: CompetenceStatus,
  validUntil: z.string().nullable(),
});
export const CompetenceMatrix = z.object({
  asOf: z.string(),
  columns: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      email: z.string(),
      unitName: z.string(),
      /** One per column, in column order. */
      cells: z.array(MatrixCell),
    }),
  ),
  total: z.number(),
  /** Cells per status over every row of the filter (not just this page). */
  counts: z.record(CompetenceStatus, z.number()),
});

export const ReportQuery = z.object({
  asOf: IsoDate.optional(),
  unitId: Id.optional(),
  categoryId: Id.optional(),
  format: z.enum(['csv', 'json']).default('csv'),
});
export const ReportRow = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  competenceCode: z.string(),
  competenceName: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  status: CompetenceStatus,
  sourceModule: z.string(),
});
export const CompetenceReport = z.object({
  fileName: z.string(),
  /** CSV text (UTF-8 with BOM) when csv was asked for. */
  csv: z.string().nullable(),
  rows: z.array(ReportRow).nullable(),
});

export const TreeImportInput = z.object({
  fileName: z.string().max(260),
  /** The file's bytes, base64: any encoding and separator. */
  base64: z.string(),
  dryRun: z.boolean().default(false),
});
export const TreeImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Every problem, by row and column; when there is one, nothing was written. */
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  written: z.boolean(),
});
