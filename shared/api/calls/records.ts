import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import {
  AddExternalRecord,
  QualificationCreate,
  QualificationQuery,
  QualificationRef,
  QualificationRow,
  QualificationRows,
  QualificationUpdate,
  RecordDetail,
  RecordPage,
  RecordQuery,
  RecordRef,
  UpdateRecord,
} from '../schemas/records.js';

// Record calls name one privilege each, the one every Member holds; whose records
// the actor may see or change is decided per person in the service, because any
// of `000_*`'s view (or edit) privileges may be the one that reaches them:
// own → subordinate → all → Training Record administrator.
export const qualificationsCalls = {
  'qualifications.list': {
    input: QualificationQuery,
    output: QualificationRows,
    access: 'authenticated',
    write: false,
    summary: 'Qualification codes a training record may carry',
  },
  'qualifications.create': {
    input: QualificationCreate,
    output: QualificationRow,
    access: 'records.admin',
    write: true,
    summary: 'Add a qualification code (unique whatever the case)',
  },
  'qualifications.update': {
    input: QualificationUpdate,
    output: QualificationRow,
    access: 'records.admin',
    write: true,
    summary: 'Rename or change a qualification code; records keep pointing at it',
  },
  'qualifications.archive': {
    input: QualificationRef,
    output: QualificationRow,
    access: 'records.admin',
    write: true,
    summary: 'Archive a qualification code: records keep it, new records cannot use it',
  },
  'qualifications.restore': {
    input: QualificationRef,
    output: QualificationRow,
    access: 'records.admin',
    write: true,
    summary: 'Restore an archived qualification code',
  },
} as const satisfies Record<string, CallSpec>;

export const recordsCalls = {
  'records.list': {
    input: RecordQuery,
    output: RecordPage,
    access: 'records.view.own',
    write: false,
    summary: 'Training records of the people whose records you may view',
  },
  'records.get': {
    input: RecordRef,
    output: RecordDetail,
    access: 'records.view.own',
    write: false,
    summary: 'One training record, with what you may do with it',
  },
  'records.addExternal': {
    input: AddExternalRecord,
    output: RecordDetail,
    access: 'records.edit.own',
    write: true,
    summary: 'Add an external course or certificate achieved outside Fieldbook to a person’s record',
  },
  'records.update': {
    input: UpdateRecord,
    output: RecordDetail,
    access: 'records.edit.own',
    write: true,
    summary: 'Change a training record (only the fields sent)',
  },
  'records.delete': {
    input: RecordRef,
    output: Empty,
    access: 'records.edit.own',
    write: true,
    summary: 'Delete a training record (it stays in the audit trail)',
  },
} as const satisfies Record<string, CallSpec>;
