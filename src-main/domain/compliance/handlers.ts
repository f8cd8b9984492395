import type { complianceCalls } from '../../../shared/api/calls/compliance.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const complianceHandlers = (): HandlersFor<keyof typeof complianceCalls> => ({
  'compliance.person': notYet,
  'compliance.mine': notYet,
  'compliance.matrix': notYet,
  'compliance.cell': notYet,
  'compliance.summary': notYet,
  'compliance.attention': notYet,
  'notifications.list': notYet,
  'notifications.markRead': notYet,
});
