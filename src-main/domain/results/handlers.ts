import type { resultsCalls } from '../../../shared/api/calls/results.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const resultsHandlers = (): HandlersFor<keyof typeof resultsCalls> => ({
  'results.record': notYet,
  'results.list': notYet,
  'results.attempts': notYet,
  'results.resetAttempts': notYet,
});
