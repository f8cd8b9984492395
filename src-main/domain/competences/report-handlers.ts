import type { HandlersFor } from '../../app/handler-types.js';
import { AppError } from '../../app/app-error.js';

const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

/** The matrix and the report (helper D). */
export const reportHandlers = (): HandlersFor<'competences.matrix' | 'competences.report'> => ({
  'competences.matrix': todo,
  'competences.report': todo,
});
