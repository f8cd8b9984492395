import type { HandlersFor } from '../../app/handler-types.js';
import { deleteCompetence, deleteImpact } from './delete-service.js';
import { previewMappings, saveMappings } from './mapping-service.js';
import { personCompetences } from './person-service.js';
import { importTree } from './tree-import-service.js';
import { archiveCompetence, getTree, saveCompetence } from './tree-service.js';

/** The tree, its mappings, a person's competences and the tree import. */
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
  'competences.tree': getTree,
  'competences.save': saveCompetence,
  'competences.archive': archiveCompetence,
  'competences.deleteImpact': deleteImpact,
  'competences.delete': deleteCompetence,
  'competences.mappingPreview': previewMappings,
  'competences.saveMappings': saveMappings,
  'competences.importTree': importTree,
  'competences.person': personCompetences,
});
