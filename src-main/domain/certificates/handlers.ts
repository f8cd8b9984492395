import type { certificatesCalls } from '../../../shared/api/calls/certificates.js';
import { AppError } from '../../app/app-error.js';
import type { HandlersFor } from '../../app/handler-types.js';

// Placeholders while certificates land (issue 8); each is replaced by its service.
const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const certificatesHandlers = (): HandlersFor<keyof typeof certificatesCalls> => ({
  'certificates.mine': todo,
  'certificates.list': todo,
  'certificates.get': todo,
  'certificates.pdf': todo,
  'certificates.issue': todo,
  'certificates.revoke': todo,
  'certificates.configuration': todo,
  'certificates.module': todo,
  'certificates.verify': todo,
  'certificates.keys': todo,
  'certificates.trust': todo,
  'certificates.untrust': todo,
  'certificates.templates': todo,
  'certificates.saveTemplate': todo,
  'certificates.preview': todo,
});
