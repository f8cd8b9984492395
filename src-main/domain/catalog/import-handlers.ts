import type { importsCatalogCalls } from '../../../shared/api/calls/imports-catalog.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { exportAssignments } from '../configurations/import-export.js';
import { commitAssignmentsImport, validateAssignmentsImport } from '../configurations/import-service.js';
import { commitModulesImport, exportModules, validateModulesImport } from './import-service.js';

/** CSV import and export of the catalog (modules) and of assignments (training configurations). */
export const importsCatalogHandlers = (): HandlersFor<keyof typeof importsCatalogCalls> => ({
  'modules.import.validate': validateModulesImport,
  'modules.import.commit': commitModulesImport,
  'modules.export': exportModules,
  'assignments.import.validate': validateAssignmentsImport,
  'assignments.import.commit': commitAssignmentsImport,
  'assignments.export': exportAssignments,
});
