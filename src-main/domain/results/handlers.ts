import type { resultsCalls } from '../../../shared/api/calls/results.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { recordManualResults } from './manual-service.js';
import { listAttempts, listResults, resetAttempts } from './review-service.js';

export const resultsHandlers = (): HandlersFor<keyof typeof resultsCalls> => ({
  'results.record': recordManualResults,
  'results.list': listResults,
  'results.attempts': listAttempts,
  'results.resetAttempts': resetAttempts,
});
