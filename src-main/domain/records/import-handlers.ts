import type { recordsImportCalls } from '../../../shared/api/calls/records-import.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// Placeholders while the records import lands (issue 7); each is replaced by its service.
const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const recordsImportHandlers = (): HandlersFor<keyof typeof recordsImportCalls> => ({
  'records.import.open': todo,
  'records.import.validate': todo,
  'records.import.reopen': todo,
  'records.import.errorFile': todo,
  'records.import.commit': todo,
  'records.import.discard': todo,
  'records.imports.list': todo,
  'records.imports.errorFile': todo,
  'records.imports.undo': todo,
  'records.export': todo,
  'records.template': todo,
});
