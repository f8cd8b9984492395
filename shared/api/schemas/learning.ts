import { z } from '../../zod.js';
import { Id } from '../common.js';
import { ModuleKind, ModuleSummary, QuestionType } from './catalog.js';

/**
 * What a learner sees and does: the dashboard, the self-registration catalog,
 * the players, quiz attempts. Everything here acts on the signed-in person only.
 */

export const LearnerState = z.enum(['not_started', 'in_progress', 'completed', 'failed', 'expired']);
export type LearnerState = z.infer<typeof LearnerState>;

/** Why a module cannot be started yet: its prerequisites that are not completed. */
export const BlockedBy = z.array(ModuleSummary);

export const SessionRow = z.object({
  id: z.string(),
  moduleId: z.string(),
  moduleCode: z.string(),
  moduleTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  registered: z.number(),
  waitlisted: z.number(),
  instructors: z.array(z.object({ id: z.string(), name: z.string() })),
  notes: z.string().nullable(),
  cancelled: z.boolean(),
  /** The signed-in person's place on it. */
  myStatus: z.enum(['registered', 'waitlisted']).nullable(),
  /** The signed-in person may register or cancel themselves (the event allows self-registration). */
  canSelfRegister: z.boolean(),
});
export type SessionRow = z.infer<typeof SessionRow>;

export const DashboardItem = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ModuleKind,
  description: z.string().nullable(),
  /**
   * How it got on the dashboard: self-registered, put there by a manager, or
   * assigned (Required or Optional) by a training configuration covering the person.
   */
  origin: z.enum(['self', 'manager', 'assigned']),
  state: LearnerState,
  /** 0–100: steps done, path items completed, or 100 once completed. */
  progressPercent: z.number(),
  lastCompletionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  expiryStatus: z.enum(['valid', 'expiring', 'expired', 'no_expiry']).nullable(),
  /**
   * The earliest due date among the Required items assigning it; null when none
   * has one. Overdue (never completed, due date before today) is not a state:
   * the renderer derives it from dueDate and lastCompletionDate.
   */
  dueDate: z.string().nullable(),
  blockedBy: BlockedBy,
  /** Quizzes: attempts left (null = unlimited or not a quiz). */
  attemptsLeft: z.number().nullable(),
});
export type DashboardItem = z.infer<typeof DashboardItem>;

export const Dashboard = z.object({
  /** Overdue and due soon first, then expired, expiring, in progress, not started, completed. */
  items: z.array(DashboardItem),
  /** Sessions the person is registered or waitlisted on, and open sessions of their events, soonest first. */
  upcomingSessions: z.array(SessionRow),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const CatalogQuery = z
  .object({ search: z.string().trim().max(200).optional(), kind: ModuleKind.optional() })
  .strict();
export const CatalogItem = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ModuleKind,
  description: z.string().nullable(),
  tags: z.array(z.string()),
  defaultValidityMonths: z.number().nullable(),
  enrolled: z.boolean(),
  blockedBy: BlockedBy,
});
export const LearnerCatalog = z.object({ rows: z.array(CatalogItem) });

export const ModuleIdInput = z.object({ moduleId: Id }).strict();
export const SessionIdInput = z.object({ sessionId: Id }).strict();

// ---- Players -----------------------------------------------------------------------------------

export const PlayerStep = z.object({
  id: z.string(),
  type: z.enum(['text', 'file', 'link', 'quiz']),
  title: z.string(),
  required: z.boolean(),
  done: z.boolean(),
  /** text: sanitized HTML. */
  html: z.string().nullable(),
  /** file: the stored file to fetch with files.get. */
  file: z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() }).nullable(),
  /** link: shown as external. */
  url: z.string().nullable(),
  /** quiz: the quiz to open; the step is done once it is passed. */
  quiz: ModuleSummary.nullable(),
});
export type PlayerStep = z.infer<typeof PlayerStep>;

export const AttemptSummary = z.object({
  id: z.string(),
  number: z.number(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  scorePercent: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** Reset by a manager: kept, but not counted towards max attempts. */
  reset: z.boolean(),
});

export const PathItemView = ModuleSummary.extend({
  required: z.boolean(),
  state: LearnerState,
  /** Why it cannot be opened yet (the previous item, or its own prerequisites); null when it can. */
  lockedReason: z.string().nullable(),
});

const PlayerBase = z.object({
  moduleId: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  version: z.number(),
  state: LearnerState,
  progressPercent: z.number(),
  blockedBy: BlockedBy,
  /** Completing it adds an entry to the person's training record. */
  trainingRecord: z.boolean(),
  lastCompletionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
});

export const PlayerView = z.discriminatedUnion('kind', [
  PlayerBase.extend({
    kind: z.literal('course'),
    steps: z.array(PlayerStep),
    /** Where the learner left off. */
    lastStepId: z.string().nullable(),
  }),
  PlayerBase.extend({
    kind: z.literal('quiz'),
    passMark: z.number(),
    maxAttempts: z.number().nullable(),
    timeLimitMinutes: z.number().nullable(),
    questionCount: z.number(),
    attempts: z.array(AttemptSummary),
    attemptsLeft: z.number().nullable(),
    /** An attempt started and not submitted: resume it. */
    openAttemptId: z.string().nullable(),
  }),
  PlayerBase.extend({ kind: z.literal('learning_path'), items: z.array(PathItemView) }),
  PlayerBase.extend({ kind: z.literal('event'), graded: z.boolean(), sessions: z.array(SessionRow) }),
  PlayerBase.extend({
    kind: z.literal('external'),
    provider: z.string().nullable(),
    url: z.string().nullable(),
  }),
]);
export type PlayerView = z.infer<typeof PlayerView>;

export const CompleteStepInput = z.object({ moduleId: Id, stepId: z.string().min(1).max(64) }).strict();

// ---- Quiz attempts -----------------------------------------------------------------------------

/** Option ids for choice questions, `['true']`/`['false']`, or the typed text for short answers. */
export const Answers = z.record(z.string().max(64), z.array(z.string().max(1000)).max(20));
export type Answers = z.infer<typeof Answers>;

export const AttemptQuestion = z.object({
  id: z.string(),
  type: QuestionType,
  text: z.string(),
  points: z.number(),
  /** Choice questions only, in this attempt's order; never says which are correct. */
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export const AttemptView = z.object({
  attemptId: z.string(),
  moduleId: z.string(),
  title: z.string(),
  number: z.number(),
  maxAttempts: z.number().nullable(),
  passMark: z.number(),
  startedAt: z.string(),
  /** When the time limit runs out; answers are submitted as they stand then. */
  deadlineAt: z.string().nullable(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(AttemptQuestion) })),
  /** Saved so far (resume). */
  answers: Answers,
});
export type AttemptView = z.infer<typeof AttemptView>;

export const SaveAnswersInput = z.object({ attemptId: Id, answers: Answers }).strict();

export const SectionScore = z.object({
  sectionId: z.string(),
  title: z.string(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
});
export type SectionScore = z.infer<typeof SectionScore>;

export const AttemptResult = z.object({
  attemptId: z.string(),
  moduleId: z.string(),
  title: z.string(),
  number: z.number(),
  scorePercent: z.number(),
  passed: z.boolean(),
  passMark: z.number(),
  sectionScores: z.array(SectionScore),
  attemptsLeft: z.number().nullable(),
  timeTakenSeconds: z.number(),
  /** Submitted after the deadline had passed (answers as saved at the deadline count). */
  late: z.boolean(),
  /** The training record the pass created, when the quiz counts as one. */
  recordId: z.string().nullable(),
});
export type AttemptResult = z.infer<typeof AttemptResult>;

/** An attempt as the history shows it, with every answer. `correct` is shown to reviewers only. */
export const AttemptDetail = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  moduleId: z.string(),
  moduleCode: z.string(),
  moduleTitle: z.string(),
  version: z.number(),
  number: z.number(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  timeTakenSeconds: z.number().nullable(),
  scorePercent: z.number().nullable(),
  passed: z.boolean().nullable(),
  sectionScores: z.array(SectionScore),
  answers: z.array(
    z.object({
      questionId: z.string(),
      sectionTitle: z.string(),
      text: z.string(),
      given: z.array(z.string()),
      correct: z.boolean().nullable(),
    }),
  ),
  reset: z.object({ at: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
});
export type AttemptDetail = z.infer<typeof AttemptDetail>;
export const AttemptHistory = z.object({ rows: z.array(AttemptDetail) });

export { ModuleSummary };
