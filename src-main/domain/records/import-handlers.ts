import type { recordsImportCalls } from '../../../shared/api/calls/records-import.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { exportRecords, recordsTemplate } from './export-service.js';
import { importErrorFile, listImports, undoImport } from './import-history-service.js';
import {
  commitRecordsImport,
  discardRecordsImport,
  openRecordsImport,
  recordsImportErrorFile,
  reopenRecordsImport,
  validateRecordsImport,
} from './import-service.js';

export const recordsImportHandlers = (): HandlersFor<keyof typeof recordsImportCalls> => ({
  'records.import.open': openRecordsImport,
  'records.import.validate': validateRecordsImport,
  'records.import.reopen': reopenRecordsImport,
  'records.import.errorFile': recordsImportErrorFile,
  'records.import.commit': commitRecordsImport,
  'records.import.discard': discardRecordsImport,
  'records.imports.list': listImports,
  'records.imports.errorFile': importErrorFile,
  'records.imports.undo': undoImport,
  'records.export': exportRecords,
  'records.template': recordsTemplate,
});
