import type { learningCalls } from '../../../shared/api/calls/learning.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { cancelOwnRegistration, listLearnerSessions, registerSelf } from '../events/learner-service.js';
import { catalog, dashboard, enrol, unenrol } from './dashboard-service.js';
import { completeStep, open } from './player-service.js';
import { attempts, saveAnswers, startAttempt, submitAttempt } from './quiz-service.js';

export const learningHandlers = (): HandlersFor<keyof typeof learningCalls> => ({
  'learning.dashboard': dashboard,
  'learning.catalog': catalog,
  'learning.enrol': enrol,
  'learning.unenrol': unenrol,
  'learning.open': open,
  'learning.completeStep': completeStep,
  'learning.startAttempt': startAttempt,
  'learning.saveAnswers': saveAnswers,
  'learning.submitAttempt': submitAttempt,
  'learning.attempts': attempts,
  'learning.sessions': listLearnerSessions,
  'learning.register': registerSelf,
  'learning.cancelRegistration': cancelOwnRegistration,
});
