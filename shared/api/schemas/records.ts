import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';

/** Qualification codes (`000_*`): an administrator-managed list a record's qualification must come from. */
export const QualificationCode = z
  .string()
  .trim()
  .min(1, 'Enter a code')
  .max(40, 'Use at most 40 characters');
const QualificationName = z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters');
const Description = z.string().trim().max(2000, 'Use at most 2000 characters');
const ValidityMonths = z
  .number()
  .int('Enter whole months')
  .min(1, 'Enter at least 1 month')
  .max(600, 'Use at most 600 months');

export const QualificationRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Blank = a record with this qualification never expires unless given a date. */
  defaultValidityMonths: z.number().nullable(),
  archived: z.boolean(),
  /** Records that carry it, in the whole installation (codes are installation-wide). */
  recordCount: z.number(),
});
export type QualificationRow = z.infer<typeof QualificationRow>;

export const QualificationQuery = z.object({ includeArchived: z.boolean().default(false) }).strict();
export const QualificationRows = z.object({ rows: z.array(QualificationRow) });

export const QualificationCreate = z
  .object({
    code: QualificationCode,
    name: QualificationName,
    description: Description.nullable().optional(),
    defaultValidityMonths: ValidityMonths.nullable().optional(),
  })
  .strict();

/** Only the fields sent change; `null` clears an optional one. The id stays, so records keep pointing at it. */
export const QualificationUpdate = z
  .object({
    id: Id,
    code: QualificationCode.optional(),
    name: QualificationName.optional(),
    description: Description.nullable().optional(),
    defaultValidityMonths: ValidityMonths.nullable().optional(),
  })
  .strict();

export const QualificationRef = z.object({ id: Id }).strict();

/** The record types of `000_*`. Course, quiz, event and learning path records come from the catalog. */
export const RecordType = z.enum([
  'course',
  'quiz',
  'event',
  'learning_path',
  'external_course',
  'certificate',
]);
export type RecordType = z.infer<typeof RecordType>;
/** What can be added by hand: things achieved outside Fieldbook. */
export const ExternalRecordType = z.enum(['external_course', 'certificate']);
export const RecordSource = z.enum(['completion', 'manual', 'import']);
export const RecordStatus = z.enum(['valid', 'expiring', 'expired', 'no_expiry']);

const Title = z.string().trim().min(1, 'Enter a title').max(300, 'Use at most 300 characters');
const Provider = z
  .string()
  .trim()
  .min(1, 'Enter the training provider')
  .max(200, 'Use at most 200 characters');
const OtherInfo = z.string().trim().max(4000, 'Use at most 4000 characters');

export const RecordQuery = PageQuery.extend({
  personId: Id.optional(),
  search: z.string().trim().max(200).optional(),
  recordType: RecordType.optional(),
}).strict();

export const RecordRow = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  recordType: RecordType,
  objectId: z.string().nullable(),
  title: z.string(),
  provider: z.string(),
  completionDate: z.string(),
  expiryDate: z.string().nullable(),
  /** As of today. */
  status: RecordStatus,
  qualificationId: z.string().nullable(),
  qualificationCode: z.string().nullable(),
  source: RecordSource,
});
export type RecordRow = z.infer<typeof RecordRow>;

export const RecordPage = z.object({ rows: z.array(RecordRow), total: z.number() });

export const RecordDetail = RecordRow.extend({
  otherInfo: z.string().nullable(),
  qualificationName: z.string().nullable(),
  evidencePath: z.string().nullable(),
  /** A stored file proving it (certificate scan, attendance sheet); fetch with files.get. */
  evidenceFile: z
    .object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() })
    .nullable(),
  /** The module it completes, when it came from the catalog. */
  module: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  /**
   * The expiry date was set by a person (typed on an external record, or changed by hand): compliance
   * uses it instead of completion + the requirement's validity.
   */
  expiryFixed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  /** What the viewer may do with it (the record page shows nothing more). */
  canEdit: z.boolean(),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

export const RecordRef = z.object({ id: Id }).strict();

export const AddExternalRecord = z
  .object({
    personId: Id,
    recordType: ExternalRecordType,
    title: Title,
    provider: Provider,
    completionDate: IsoDate,
    /** Omitted = from the qualification's default validity (or never, without one). */
    expiryDate: IsoDate.nullable().optional(),
    otherInfo: OtherInfo.nullable().optional(),
    qualificationId: Id.nullable().optional(),
    evidenceFileId: Id.nullable().optional(),
  })
  .strict();

/** Only the fields sent change; `null` clears an optional one. */
export const UpdateRecord = z
  .object({
    id: Id,
    title: Title.optional(),
    provider: Provider.optional(),
    completionDate: IsoDate.optional(),
    expiryDate: IsoDate.nullable().optional(),
    otherInfo: OtherInfo.nullable().optional(),
    qualificationId: Id.nullable().optional(),
    evidenceFileId: Id.nullable().optional(),
  })
  .strict();
