import type { HandlersFor } from '../../app/handler-types.js';
import { AppError } from '../../app/app-error.js';

const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

/** The tree, its mappings, a person's competences and the tree import (helper C). */
export const treeHandlers = (): HandlersFor<
  | 'competences.tree'
  | 'competences.save'
  | 'competences.archive'
  | 'competences.deleteImpact'
  | 'competences.delete'
  | 'competences.mappingPreview'
  | 'competences.saveMappings'
  | 'competences.importTree'
  | 'competences.person'
> => ({
  'competences.tree': todo,
  'competences.save': todo,
  'competences.archive': todo,
  'competences.deleteImpact': todo,
  'competences.delete': todo,
  'competences.mappingPreview': todo,
  'competences.saveMappings': todo,
  'competences.importTree': todo,
  'competences.person': todo,
});
