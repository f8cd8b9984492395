import type { configurationsCalls } from '../../../shared/api/calls/configurations.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const configurationsHandlers = (): HandlersFor<keyof typeof configurationsCalls> => ({
  'configurations.list': notYet,
  'configurations.get': notYet,
  'configurations.preview': notYet,
  'configurations.create': notYet,
  'configurations.update': notYet,
  'configurations.archive': notYet,
});
