import type { catalogCalls } from '../../../shared/api/calls/catalog.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const catalogHandlers = (): HandlersFor<keyof typeof catalogCalls> => ({
  'modules.list': notYet,
  'modules.options': notYet,
  'modules.get': notYet,
  'modules.create': notYet,
  'modules.update': notYet,
  'modules.publish': notYet,
  'modules.archive': notYet,
  'modules.restore': notYet,
  'modules.delete': notYet,
});
