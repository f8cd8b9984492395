import type { CallSpec } from '../call-spec.js';
import { Empty } from '../common.js';
import {
  CsvDownload,
  RecordImportRef,
  RecordImportsPage,
  RecordImportsQuery,
  RecordImportUndone,
  RecordsExportInput,
  RecordsImportCommitInput,
  RecordsImportOpened,
  RecordsImportOpenInput,
  RecordsImportProgress,
  RecordsImportSummary,
  RecordsImportToken,
  RecordsImportValidateInput,
} from '../schemas/records-import.js';

// Importing needs records.import; each row also needs the record-edit privilege (own / subordinate /
// everyone's, `000_*`) that reaches its person, checked row by row (a row out of reach is an error).
export const recordsImportCalls = {
  'records.import.open': {
    input: RecordsImportOpenInput,
    output: RecordsImportOpened,
    access: 'records.import',
    write: false,
    summary:
      'Open a training-records CSV: detect its encoding, separator and date order, check the header, preview',
  },
  'records.import.validate': {
    input: RecordsImportValidateInput,
    output: RecordsImportProgress,
    access: 'records.import',
    write: false,
    summary: 'Check the next slice of an opened file (a dry run: nothing is written); call again until done',
  },
  'records.import.reopen': {
    input: RecordsImportToken.extend({
      dateOrder: RecordsImportOpenInput.shape.dateOrder,
      encoding: RecordsImportOpenInput.shape.encoding,
    }).strict(),
    output: RecordsImportOpened,
    access: 'records.import',
    write: false,
    summary: 'Read an opened file again with another encoding or date order (validation starts over)',
  },
  'records.import.errorFile': {
    input: RecordsImportToken,
    output: CsvDownload,
    access: 'records.import',
    write: false,
    summary: 'The validated file with an Error column, in its own encoding and separator',
  },
  'records.import.commit': {
    input: RecordsImportCommitInput,
    output: RecordsImportSummary,
    access: 'records.import',
    write: true,
    summary: 'Import an opened file in one transaction: all rows, or only the valid ones when asked',
  },
  'records.import.discard': {
    input: RecordsImportToken,
    output: Empty,
    access: 'records.import',
    write: false,
    summary: 'Forget an opened file (cancel)',
  },
  'records.imports.list': {
    input: RecordImportsQuery,
    output: RecordImportsPage,
    access: 'records.import',
    write: false,
    summary: 'The import history, newest first',
  },
  'records.imports.errorFile': {
    input: RecordImportRef,
    output: CsvDownload,
    access: 'records.import',
    write: false,
    summary: 'The error file kept with an import',
  },
  'records.imports.undo': {
    input: RecordImportRef,
    output: RecordImportUndone,
    access: 'records.import',
    write: true,
    summary:
      'Undo an import: remove what it created, restore what it changed or deleted (refused if changed since)',
  },
  'records.export': {
    input: RecordsExportInput,
    output: CsvDownload,
    access: 'records.view.own',
    write: false,
    summary:
      'The training records you may see, as CSV in the import layout plus Email, First Name, Last Name',
  },
  'records.template': {
    input: Empty,
    output: CsvDownload,
    access: 'records.view.own',
    write: false,
    summary: 'A CSV template: the import header and one commented example row',
  },
} satisfies Record<string, CallSpec>;
