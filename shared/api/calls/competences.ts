import type { CallSpec } from '../call-spec.js';
import {
  ArchiveInput,
  CompetenceInput,
  CompetenceMatrix,
  CompetenceNode,
  CompetenceRef,
  CompetenceReport,
  CompetenceTree,
  DeleteImpact,
  DeleteInput,
  MappingPreview,
  MappingsInput,
  MappingsSaved,
  MatrixQuery,
  PersonCompetences,
  PersonCompetencesQuery,
  ReportQuery,
  TreeImportInput,
  TreeImportResult,
  TreeQuery,
} from '../schemas/competences.js';

// The tree is the organisation's (`003_*`: "Administrera kompetensintegrationer"):
// competences.manage edits it and its mappings; reports.view reads it and the matrix
// within its scope; a person's competences follow training-record visibility.
export const competencesCalls = {
  'competences.tree': {
    input: TreeQuery,
    output: CompetenceTree,
    access: 'reports.view',
    write: false,
    summary: 'The competence tree with each competence’s default validity and the modules that give it',
  },
  'competences.save': {
    input: CompetenceInput,
    output: CompetenceNode,
    access: 'competences.manage',
    write: true,
    summary: 'Create a competence, or rename, describe, re-time or move one in the tree',
  },
  'competences.archive': {
    input: ArchiveInput,
    output: CompetenceNode,
    access: 'competences.manage',
    write: true,
    summary: 'Archive a competence (no new grants; held ones stay) or bring it back',
  },
  'competences.deleteImpact': {
    input: CompetenceRef,
    output: DeleteImpact,
    access: 'competences.manage',
    write: false,
    summary: 'How many competences, people and grants deleting a competence would remove',
  },
  'competences.delete': {
    input: DeleteInput,
    output: DeleteImpact,
    access: 'competences.manage',
    write: true,
    summary: 'Delete a competence and its subtree, removing it from everyone who holds it',
  },
  'competences.mappingPreview': {
    input: MappingsInput,
    output: MappingPreview,
    access: 'competences.manage',
    write: false,
    summary: 'What saving these modules for a competence would do: how many people the backfill gives it to',
  },
  'competences.saveMappings': {
    input: MappingsInput,
    output: MappingsSaved,
    access: 'competences.manage',
    write: true,
    summary:
      'Set the modules that give a competence; new mappings backfill everyone who already passed, removed ones keep what they gave',
  },
  'competences.importTree': {
    input: TreeImportInput,
    output: TreeImportResult,
    access: 'competences.manage',
    write: true,
    summary: 'Create or update the competence tree from a CSV (Code, Name, Parent Code, Default Days)',
  },
  'competences.person': {
    input: PersonCompetencesQuery,
    output: PersonCompetences,
    access: 'records.view.own',
    write: false,
    summary: 'The competences a person holds (as of a day), until when, and the completion that gave each',
  },
  'competences.matrix': {
    input: MatrixQuery,
    output: CompetenceMatrix,
    access: 'reports.view',
    write: false,
    summary: 'People × competences in your scope: valid, expiring, expired or missing',
  },
  'competences.report': {
    input: ReportQuery,
    output: CompetenceReport,
    access: 'reports.view',
    write: false,
    summary: 'The competences held by the people in your scope, as CSV or JSON rows',
  },
} satisfies Record<string, CallSpec>;
