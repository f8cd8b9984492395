import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';
import { ModuleKind, ValidityMonths } from './catalog.js';

/**
 * Training configurations (`002_*`): a target (a person, a group, or a unit and
 * everything below it) and the modules it must, may or will (Hidden) do.
 */
export const TargetType = z.enum(['person', 'group', 'unit']);
export type TargetType = z.infer<typeof TargetType>;
export const Requirement = z.enum(['required', 'optional', 'hidden']);
export type Requirement = z.infer<typeof Requirement>;

/** No due date, a fixed date, or N days after the person joins the target. */
export const DueRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('fixed'), date: IsoDate }).strict(),
  z
    .object({
      kind: z.literal('after_joining'),
      days: z.number().int('Enter whole days').min(0).max(3650, 'Use at most 3650 days'),
    })
    .strict(),
]);
export type DueRule = z.infer<typeof DueRule>;

export const ItemInput = z
  .object({
    moduleId: Id,
    requirement: Requirement,
    /** Blank = the module's default validity. */
    validityMonths: ValidityMonths.nullable().default(null),
    due: DueRule.default({ kind: 'none' }),
  })
  .strict();
export type ItemInput = z.infer<typeof ItemInput>;

export const ItemRow = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ModuleKind,
  requirement: Requirement,
  validityMonths: z.number().nullable(),
  moduleDefaultValidityMonths: z.number().nullable(),
  due: DueRule,
});
export type ItemRow = z.infer<typeof ItemRow>;

export const ConfigurationRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  targetType: TargetType,
  targetId: z.string(),
  /** The person's name, the group's name, or the unit's path. */
  targetName: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  requiredCount: z.number(),
  optionalCount: z.number(),
  hiddenCount: z.number(),
  /** People covered today. */
  peopleCount: z.number(),
  archived: z.boolean(),
  /** Certificates of completion are issued for it (issue 8). */
  certificateEnabled: z.boolean(),
  /** The template its certificates are printed with (null: the organisation's default). */
  certificateTemplateId: z.string().nullable(),
  updatedAt: z.string(),
});
export type ConfigurationRow = z.infer<typeof ConfigurationRow>;

export const ConfigurationQuery = PageQuery.extend({
  search: z.string().trim().max(200).optional(),
  targetType: TargetType.optional(),
  includeArchived: z.boolean().default(false),
}).strict();
export const ConfigurationPage = z.object({ rows: z.array(ConfigurationRow), total: z.number() });

export const ConfigurationDetail = ConfigurationRow.extend({
  items: z.array(ItemRow),
  /** The viewer may change it (assignments.manage reaches its owner unit). */
  canManage: z.boolean(),
});
export type ConfigurationDetail = z.infer<typeof ConfigurationDetail>;

const Name = z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters');
const Description = z.string().trim().max(2000, 'Use at most 2000 characters');
const Items = z.array(ItemInput).max(500);

export const ConfigurationCreate = z
  .object({
    name: Name,
    description: Description.nullable().optional(),
    targetType: TargetType,
    targetId: Id,
    items: Items.default([]),
  })
  .strict();

/** Only the fields sent change; `items` replaces the whole list (history of earlier items is kept). */
export const ConfigurationUpdate = z
  .object({
    id: Id,
    name: Name.optional(),
    description: Description.nullable().optional(),
    items: Items.optional(),
  })
  .strict();
export const ConfigurationRef = z.object({ id: Id }).strict();

export const TargetPreviewInput = z.object({ targetType: TargetType, targetId: Id }).strict();
export const TargetPreview = z.object({
  targetName: z.string(),
  peopleCount: z.number(),
  /** A few of them, by name, for the editor. */
  sample: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** A manager's reminder to people about training they still need (the attention list's bulk action). */
export const RemindInput = z
  .object({
    rows: z
      .array(z.object({ personId: Id, moduleId: Id }).strict())
      .min(1, 'Pick at least one row')
      .max(1000),
    note: z.string().trim().max(1000, 'Use at most 1000 characters').nullable().optional(),
  })
  .strict();
export const RemindOutcome = z.object({ sent: z.number() });
