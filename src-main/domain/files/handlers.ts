import type { filesCalls } from '../../../shared/api/calls/files.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// TEMPORARY wiring while the services are written; replaced in this same change.
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const filesHandlers = (): HandlersFor<keyof typeof filesCalls> => ({
  'files.upload': notYet,
  'files.get': notYet,
});
