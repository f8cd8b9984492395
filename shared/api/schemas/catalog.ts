import { z } from '../../zod.js';
import { Id, PageQuery } from '../common.js';

/**
 * The catalog: modules of five kinds. Content is kind-specific JSON, kept as a
 * draft that managers edit and frozen as numbered versions on publish. Draft
 * content may be incomplete (a question without a correct answer yet); the
 * checks that make it takeable run on publish and name the field at fault.
 */
export const ModuleKind = z.enum(['course', 'quiz', 'event', 'learning_path', 'external']);
export type ModuleKind = z.infer<typeof ModuleKind>;
export const ModuleStatus = z.enum(['draft', 'published', 'archived']);
export type ModuleStatus = z.infer<typeof ModuleStatus>;

export const ModuleCode = z
  .string()
  .trim()
  .min(1, 'Enter a code')
  .max(40, 'Use at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'Use letters, digits, dots, dashes and underscores');
const Title = z.string().trim().min(1, 'Enter a title').max(200, 'Use at most 200 characters');
const Description = z.string().trim().max(4000, 'Use at most 4000 characters');
const Tag = z.string().trim().min(1).max(40, 'Use at most 40 characters per tag');
export const ValidityMonths = z
  .number()
  .int('Enter whole months')
  .min(1, 'Enter at least 1 month')
  .max(600, 'Use at most 600 months');
/** Ids of steps, questions, options and sections inside content: chosen by the editor, unique within the module. */
const LocalId = z.string().min(1).max(64);
const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, 'Enter a web address starting with http:// or https://');

// ---- Course ------------------------------------------------------------------------------------

const StepBase = {
  id: LocalId,
  title: z.string().trim().max(200, 'Use at most 200 characters'),
  /** Completion needs every required step done. */
  required: z.boolean().default(true),
};
export const CourseStep = z.discriminatedUnion('type', [
  /** Rich text; sanitized on save and again before it is shown. */
  z.object({ ...StepBase, type: z.literal('text'), html: z.string().max(500_000) }).strict(),
  /** A stored file (PDF, image, video, office document) opened offline. */
  z.object({ ...StepBase, type: z.literal('file'), fileId: Id.nullable() }).strict(),
  /** A web page: shown as external, never required to work offline. */
  z.object({ ...StepBase, type: z.literal('link'), url: z.string().trim().max(2000) }).strict(),
  /** A quiz module taken inside the course; the step is done when the quiz is passed. */
  z.object({ ...StepBase, type: z.literal('quiz'), quizModuleId: Id.nullable() }).strict(),
]);
export type CourseStep = z.infer<typeof CourseStep>;
export const CourseContent = z
  .object({ kind: z.literal('course'), steps: z.array(CourseStep).max(200) })
  .strict();

// ---- Quiz --------------------------------------------------------------------------------------

const QuestionBase = {
  id: LocalId,
  text: z.string().trim().max(4000, 'Use at most 4000 characters'),
  points: z.number().int().min(1).max(100).default(1),
};
const Option = z
  .object({ id: LocalId, text: z.string().trim().max(1000), correct: z.boolean().default(false) })
  .strict();
export const Question = z.discriminatedUnion('type', [
  z.object({ ...QuestionBase, type: z.literal('single'), options: z.array(Option).max(20) }).strict(),
  /** Right only when exactly the correct options are chosen: a partial answer scores nothing. */
  z.object({ ...QuestionBase, type: z.literal('multiple'), options: z.array(Option).max(20) }).strict(),
  z.object({ ...QuestionBase, type: z.literal('true_false'), answer: z.boolean().nullable() }).strict(),
  /** Matched ignoring case, accents and surrounding spaces. */
  z
    .object({
      ...QuestionBase,
      type: z.literal('short_answer'),
      accepted: z.array(z.string().trim().max(200)).max(20),
    })
    .strict(),
]);
export type Question = z.infer<typeof Question>;
export const QuestionType = z.enum(['single', 'multiple', 'true_false', 'short_answer']);
export type QuestionType = z.infer<typeof QuestionType>;
export const QuizSection = z
  .object({
    id: LocalId,
    title: z.string().trim().max(200),
    questions: z.array(Question).max(200),
  })
  .strict();
export type QuizSection = z.infer<typeof QuizSection>;
export const QuizContent = z
  .object({
    kind: z.literal('quiz'),
    passMark: z.number().int().min(0).max(100).default(80),
    /** Blank = unlimited. */
    maxAttempts: z.number().int().min(1).max(100).nullable().default(null),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
    shuffleQuestions: z.boolean().default(false),
    shuffleOptions: z.boolean().default(false),
    sections: z.array(QuizSection).max(50),
  })
  .strict();
export type QuizContent = z.infer<typeof QuizContent>;

// ---- Event, learning path, external ------------------------------------------------------------

export const EventContent = z
  .object({
    kind: z.literal('event'),
    /** Graded events need "passed" from the instructor as well as attendance. */
    graded: z.boolean().default(false),
  })
  .strict();
export const PathItem = z
  .object({
    moduleId: Id,
    required: z.boolean().default(true),
    /** The item opens only when the one before it is completed. */
    requiresPrevious: z.boolean().default(false),
  })
  .strict();
export const LearningPathContent = z
  .object({ kind: z.literal('learning_path'), items: z.array(PathItem).max(100) })
  .strict();
export const ExternalContent = z
  .object({
    kind: z.literal('external'),
    /** The supplier's own id for the item (e.g. an iHasco course id). */
    externalId: z.string().trim().max(200).nullable().default(null),
    url: HttpUrl.nullable().default(null),
  })
  .strict();

export const ModuleContent = z.discriminatedUnion('kind', [
  CourseContent,
  QuizContent,
  EventContent,
  LearningPathContent,
  ExternalContent,
]);
export type ModuleContent = z.infer<typeof ModuleContent>;

// ---- Rows and calls ----------------------------------------------------------------------------

export const ModuleRef = z.object({ id: Id }).strict();

export const ModuleSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ModuleKind,
  status: ModuleStatus,
});
export type ModuleSummary = z.infer<typeof ModuleSummary>;

export const ModuleRow = ModuleSummary.extend({
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  tags: z.array(z.string()),
  /** Blank = never expires. */
  defaultValidityMonths: z.number().nullable(),
  /** `000_*`'s "Training Event" option: a completion becomes a training record. */
  trainingRecord: z.boolean(),
  /** Learners who can see it may register themselves (`004_*` self-registration). */
  selfEnrol: z.boolean(),
  provider: z.string().nullable(),
  /** The latest published version; null before the first publish. */
  currentVersion: z.number().nullable(),
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  updatedAt: z.string(),
});
export type ModuleRow = z.infer<typeof ModuleRow>;

export const ModuleSort = z.enum(['title', 'code', 'kind', 'status', 'updated']);
export const ModuleQuery = PageQuery.extend({
  search: z.string().trim().max(200).optional(),
  kind: ModuleKind.optional(),
  status: ModuleStatus.optional(),
  sort: ModuleSort.default('title'),
  desc: z.boolean().default(false),
}).strict();
export const ModulePage = z.object({ rows: z.array(ModuleRow), total: z.number() });

export const ModuleVersionRow = z.object({
  version: z.number(),
  title: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
});

export const ModuleDetail = ModuleRow.extend({
  description: z.string().nullable(),
  /** The draft being edited (equal to the current version when nothing changed since publishing). */
  content: ModuleContent,
  prerequisites: z.array(ModuleSummary),
  versions: z.array(ModuleVersionRow),
  /** What refers to it; anything here means it can be archived but not deleted. */
  usage: z.object({
    enrolments: z.number(),
    attempts: z.number(),
    results: z.number(),
    records: z.number(),
    usedBy: z.array(ModuleSummary),
  }),
  /** The viewer may edit, publish, archive and delete it (catalog.manage reaches its owner unit). */
  canManage: z.boolean(),
  /** False for external items: supplied from outside, never edited here. */
  editable: z.boolean(),
  /** The stored files the draft's file steps refer to, so the editor can name them without downloading. */
  files: z.array(z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() })),
  /** Issue 8: a completion also earns a certificate of its own (switched by `certificates.module`). */
  certificateEnabled: z.boolean(),
  /** The template those certificates are printed with; null = the organisation's default. */
  certificateTemplateId: z.string().nullable(),
});
export type ModuleDetail = z.infer<typeof ModuleDetail>;

const Tags = z.array(Tag).max(20);

export const ModuleCreate = z
  .object({
    code: ModuleCode,
    title: Title,
    kind: ModuleKind,
    description: Description.nullable().optional(),
    ownerUnitId: Id,
    tags: Tags.default([]),
    defaultValidityMonths: ValidityMonths.nullable().default(null),
    trainingRecord: z.boolean().default(true),
    selfEnrol: z.boolean().default(false),
    /** External items only: who supplies it. */
    provider: z.string().trim().max(200).nullable().optional(),
    /** Omitted = empty content of the kind. Must match `kind`. */
    content: ModuleContent.optional(),
  })
  .strict();

/** Only the fields sent change; `null` clears an optional one. */
export const ModuleUpdate = z
  .object({
    id: Id,
    code: ModuleCode.optional(),
    title: Title.optional(),
    description: Description.nullable().optional(),
    ownerUnitId: Id.optional(),
    tags: Tags.optional(),
    defaultValidityMonths: ValidityMonths.nullable().optional(),
    trainingRecord: z.boolean().optional(),
    selfEnrol: z.boolean().optional(),
    content: ModuleContent.optional(),
    /** Replaces the list; a cycle (A needs B needs A) is refused. */
    prerequisiteIds: z.array(Id).max(50).optional(),
  })
  .strict();

/** What a manager picks from: modules they may see, by title or code. */
export const ModuleOptionsQuery = z
  .object({
    search: z.string().trim().max(200).optional(),
    kinds: z.array(ModuleKind).optional(),
    /** Only published ones (what a path, a course step or a manual result may use). */
    publishedOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const ModuleOptions = z.object({ rows: z.array(ModuleSummary) });
