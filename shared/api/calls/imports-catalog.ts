import type { CallSpec } from '../call-spec.js';
import {
  AssignmentsImportInput,
  CatalogExport,
  CatalogExportInput,
  CatalogImportSummary,
  ModulesImportInput,
} from '../schemas/imports-catalog.js';

// Every row is checked against the same services as modules.create/update and
// configurations.create/update (scope included); validate runs them and rolls back.
export const importsCatalogCalls = {
  'modules.import.validate': {
    input: ModulesImportInput,
    output: CatalogImportSummary,
    access: 'catalog.manage',
    write: false,
    summary: 'Check a modules CSV and report what an import would do, writing nothing',
  },
  'modules.import.commit': {
    input: ModulesImportInput,
    output: CatalogImportSummary,
    access: 'catalog.manage',
    write: true,
    summary: 'Import a modules CSV (matched by code) in one go, or nothing if any row has a problem',
  },
  'modules.export': {
    input: CatalogExportInput,
    output: CatalogExport,
    access: 'catalog.view',
    write: false,
    summary: 'The modules owned within your scope as a CSV in the import layout',
  },
  'assignments.import.validate': {
    input: AssignmentsImportInput,
    output: CatalogImportSummary,
    access: 'assignments.manage',
    write: false,
    summary: 'Check an assignments CSV and report what an import would do, writing nothing',
  },
  'assignments.import.commit': {
    input: AssignmentsImportInput,
    output: CatalogImportSummary,
    access: 'assignments.manage',
    write: true,
    summary:
      'Import an assignments CSV into training configurations in one go, or nothing if any row has a problem',
  },
  'assignments.export': {
    input: CatalogExportInput,
    output: CatalogExport,
    access: 'compliance.view',
    write: false,
    summary: 'The modules of the training configurations within your scope as a CSV in the import layout',
  },
} as const satisfies Record<string, CallSpec>;
