import { z } from '../../zod.js';
import { Id } from '../common.js';
import { ImportCounts, ImportFile, ImportFileFacts, ImportProblem } from './import.js';

export const UnitKind = z.enum(['organisation', 'client', 'region', 'site', 'other']);

/**
 * A "/" would make a unit's path ("Org / Region / Site"), by which people name
 * units in CSV files and on the command line, ambiguous.
 */
export const UnitName = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(120, 'Use at most 120 characters')
  .refine((s) => !s.includes('/'), 'A unit name cannot contain "/", which separates the parts of a path');

/** Empty or null means "no code"; codes are compared without regard to case. */
export const UnitCode = z
  .string()
  .trim()
  .max(40, 'Use at most 40 characters')
  .nullable()
  .transform((s) => s || null);

/** Free text (Region, Area, Site, Department…); empty means none. */
export const LevelName = z
  .string()
  .trim()
  .max(60, 'Use at most 60 characters')
  .nullable()
  .transform((s) => s || null);

export const UnitsTreeQuery = z.object({ includeArchived: z.boolean().default(false) }).strict();

export const UnitNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  level: z.string().nullable(),
  kind: UnitKind,
  archived: z.boolean(),
  /** An ancestor shown only so the tree can be drawn: the actor's scope does not include it. */
  outOfScope: z.boolean(),
  /** Active people whose home unit this is; null for units outside the actor's scope. */
  peopleCount: z.number().nullable(),
  /** Children in this same answer. */
  childCount: z.number(),
  path: z.string(),
});
export type UnitNode = z.infer<typeof UnitNode>;

export const UnitTree = z.object({ units: z.array(UnitNode) });

export const UnitCreate = z
  .object({
    parentId: Id,
    name: UnitName,
    code: UnitCode.optional(),
    level: LevelName.optional(),
    isClient: z.boolean().default(false),
  })
  .strict();

export const UnitUpdate = z
  .object({ id: Id, name: UnitName.optional(), code: UnitCode.optional(), level: LevelName.optional() })
  .strict();

export const UnitMove = z.object({ id: Id, parentId: Id }).strict();

export const UnitRef = z.object({ id: Id }).strict();

export const UnitLevels = z.object({ levels: z.array(z.string()) });

/** The columns of a units file, in the order `units list` would write them. */
export const UNIT_COLUMNS = ['Code', 'Name', 'Parent Code', 'Level'] as const;

export const UnitsImportInput = ImportFile.strict();

/** The summary every importer returns (see shared/api/schemas/import.ts). */
export const UnitsImportSummary = ImportFileFacts.extend({
  committed: z.boolean(),
  counts: ImportCounts,
  errors: z.array(ImportProblem),
});
export type UnitsImportSummary = z.infer<typeof UnitsImportSummary>;
