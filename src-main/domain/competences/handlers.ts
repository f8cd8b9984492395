import type { competencesCalls } from '../../../shared/api/calls/competences.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { reportHandlers } from './report-handlers.js';
import { treeHandlers } from './tree-handlers.js';

export const competencesHandlers = (): HandlersFor<keyof typeof competencesCalls> => ({
  ...treeHandlers(),
  ...reportHandlers(),
});
