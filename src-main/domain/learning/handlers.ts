import type { learningCalls } from '../../../shared/api/calls/learning.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { cancelOwnRegistration, listLearnerSessions, registerSelf } from '../events/learner-service.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const learningHandlers = (): HandlersFor<keyof typeof learningCalls> => ({
  'learning.dashboard': notYet,
  'learning.catalog': notYet,
  'learning.enrol': notYet,
  'learning.unenrol': notYet,
  'learning.open': notYet,
  'learning.completeStep': notYet,
  'learning.startAttempt': notYet,
  'learning.saveAnswers': notYet,
  'learning.submitAttempt': notYet,
  'learning.attempts': notYet,
  'learning.sessions': listLearnerSessions,
  'learning.register': registerSelf,
  'learning.cancelRegistration': cancelOwnRegistration,
});
