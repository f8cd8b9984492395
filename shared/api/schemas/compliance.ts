import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';
import { ModuleKind } from './catalog.js';
import { Requirement, TargetType } from './configurations.js';

/**
 * Compliance as of a date (DESIGN.md "Compliance rules"): for each person and
 * module required of them on that date, one of these statuses.
 */
export const ComplianceStatus = z.enum([
  'compliant',
  'expiring',
  'expired',
  'missing',
  'overdue',
  'not_required',
]);
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

/** Why a person must (or may) do a module: the configuration and how it reaches them. */
export const RequirementSource = z.object({
  configurationId: z.string(),
  name: z.string(),
  requirement: Requirement,
  targetType: TargetType,
  targetName: z.string(),
  validityMonths: z.number().nullable(),
  dueDate: z.string().nullable(),
});

export const PersonComplianceRow = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ModuleKind,
  /** The strongest requirement among the sources (Required beats Optional beats Hidden). */
  requirement: Requirement,
  status: ComplianceStatus,
  lastCompletion: z.string().nullable(),
  expiryDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** The validity that applies (shortest among Required sources; null = never expires). */
  validityMonths: z.number().nullable(),
  sources: z.array(RequirementSource),
});
export type PersonComplianceRow = z.infer<typeof PersonComplianceRow>;

export const PersonComplianceInput = z.object({ personId: Id, asOf: IsoDate.optional() }).strict();
export const PersonCompliance = z.object({
  asOf: z.string(),
  personId: z.string(),
  personName: z.string(),
  /** Required first (overdue, expired, missing, expiring, compliant), then optional. Hidden only to managers. */
  rows: z.array(PersonComplianceRow),
});
export type PersonCompliance = z.infer<typeof PersonCompliance>;

export const MatrixQuery = PageQuery.extend({
  asOf: IsoDate.optional(),
  /** A unit and everything below it. */
  unitId: Id.optional(),
  groupId: Id.optional(),
  moduleIds: z.array(Id).max(200).optional(),
  /** Only people with at least one cell in one of these statuses. */
  statuses: z.array(ComplianceStatus).max(6).optional(),
  search: z.string().trim().max(200).optional(),
}).strict();

export const MatrixModule = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  /** Among the people matching the filters (all pages). */
  required: z.number(),
  compliant: z.number(),
});
export const MatrixRow = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  unitName: z.string(),
  /** Aligned with `modules`; `not_required` where the module is not required of this person. */
  cells: z.array(ComplianceStatus),
  required: z.number(),
  compliant: z.number(),
});
export type MatrixRow = z.infer<typeof MatrixRow>;
export const Matrix = z.object({
  asOf: z.string(),
  modules: z.array(MatrixModule),
  rows: z.array(MatrixRow),
  /** People matching the filters. */
  total: z.number(),
});
export type Matrix = z.infer<typeof Matrix>;

export const CellQuery = z.object({ personId: Id, moduleId: Id, asOf: IsoDate.optional() }).strict();
export const CellHistory = z.object({
  asOf: z.string(),
  status: ComplianceStatus,
  dueDate: z.string().nullable(),
  validityMonths: z.number().nullable(),
  sources: z.array(RequirementSource),
  /** Every completion (training record linked to the module), newest first, with its own expiry. */
  completions: z.array(
    z.object({
      recordId: z.string(),
      completionDate: z.string(),
      expiryDate: z.string().nullable(),
      /** The record's own expiry date, set by a person, counts instead of completion + validity. */
      ownExpiry: z.boolean(),
      source: z.enum(['completion', 'manual', 'import']),
      /** The one that decides the status as of the date. */
      counts: z.boolean(),
    }),
  ),
});

export const SummaryInput = z.object({ asOf: IsoDate.optional(), unitId: Id.optional() }).strict();
const Counts = z.object({
  compliant: z.number(),
  expiring: z.number(),
  expired: z.number(),
  missing: z.number(),
  overdue: z.number(),
});
export const ComplianceSummary = z.object({
  asOf: z.string(),
  counts: Counts,
  /** The same counts seven days earlier, for "what changed since last week". */
  weekBefore: Counts,
  people: z.number(),
});

export const AttentionQuery = PageQuery.extend({
  asOf: IsoDate.optional(),
  unitId: Id.optional(),
  statuses: z
    .array(z.enum(['expiring', 'expired', 'overdue', 'missing']))
    .default(['expiring', 'expired', 'overdue']),
}).strict();
export const AttentionRow = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  unitName: z.string(),
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  status: ComplianceStatus,
  dueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export const AttentionPage = z.object({ asOf: z.string(), rows: z.array(AttentionRow), total: z.number() });

export const NotificationRow = z.object({
  id: z.string(),
  kind: z.enum([
    'new_required',
    'due_soon',
    'overdue',
    'expiring',
    'expired',
    'certificate_issued',
    'certificate_invalid',
  ]),
  title: z.string(),
  body: z.string(),
  moduleId: z.string().nullable(),
  /** Certificate notices open My certificates. */
  certificateId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationQuery = z.object({ unreadOnly: z.boolean().default(false) }).strict();
export const NotificationList = z.object({ rows: z.array(NotificationRow), unread: z.number() });
export const MarkRead = z.object({ ids: z.array(Id).max(500) }).strict();
