import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import {
  AttemptHistory,
  AttemptResult,
  AttemptView,
  CatalogQuery,
  CompleteStepInput,
  Dashboard,
  LearnerCatalog,
  ModuleIdInput,
  PlayerView,
  SaveAnswersInput,
  SessionIdInput,
} from '../schemas/learning.js';
import { SessionList } from '../schemas/events.js';

// Every learning call acts on the signed-in person only, so learning.take
// (reach: own) is the whole check; visibility of each module is checked in the service.
export const learningCalls = {
  'learning.dashboard': {
    input: Empty,
    output: Dashboard,
    access: 'learning.take',
    write: false,
    summary: 'Your training: what you are registered on, due and expiring first, and your upcoming sessions',
  },
  'learning.catalog': {
    input: CatalogQuery,
    output: LearnerCatalog,
    access: 'learning.take',
    write: false,
    summary: 'Published modules you can see that allow self-registration',
  },
  'learning.enrol': {
    input: ModuleIdInput,
    output: Empty,
    access: 'learning.take',
    write: true,
    summary: 'Register yourself on a module that allows self-registration',
  },
  'learning.unenrol': {
    input: ModuleIdInput,
    output: Empty,
    access: 'learning.take',
    write: true,
    summary: 'Take a module you registered yourself on off your dashboard (history stays)',
  },
  'learning.open': {
    input: ModuleIdInput,
    output: PlayerView,
    access: 'learning.take',
    write: false,
    summary: 'Open a module on your dashboard in its player, where you left off',
  },
  'learning.completeStep': {
    input: CompleteStepInput,
    output: PlayerView,
    access: 'learning.take',
    write: true,
    summary: 'Mark a course step done; the course completes when every required step is',
  },
  'learning.startAttempt': {
    input: ModuleIdInput,
    output: AttemptView,
    access: 'learning.take',
    write: true,
    summary: 'Start a quiz attempt, or resume the one that is open',
  },
  'learning.saveAnswers': {
    input: SaveAnswersInput,
    output: Empty,
    access: 'learning.take',
    write: true,
    summary: 'Save the answers of an open attempt so far',
  },
  'learning.submitAttempt': {
    input: SaveAnswersInput,
    output: AttemptResult,
    access: 'learning.take',
    write: true,
    summary: 'Submit a quiz attempt and get its score',
  },
  'learning.attempts': {
    input: ModuleIdInput,
    output: AttemptHistory,
    access: 'learning.take',
    write: false,
    summary: 'Your attempts at a quiz, with your answers and scores',
  },
  'learning.sessions': {
    input: ModuleIdInput,
    output: SessionList,
    access: 'learning.take',
    write: false,
    summary: 'Upcoming sessions of an event you can see',
  },
  'learning.register': {
    input: SessionIdInput,
    output: Empty,
    access: 'learning.take',
    write: true,
    summary: 'Register yourself on an event session (waiting list when full)',
  },
  'learning.cancelRegistration': {
    input: SessionIdInput,
    output: Empty,
    access: 'learning.take',
    write: true,
    summary: 'Cancel your place on a session; the first person waiting moves up',
  },
} as const satisfies Record<string, CallSpec>;
