import type { qualificationsCalls, recordsCalls } from '../../../shared/api/calls/records.js';
import type { HandlersFor } from '../../app/handler-types.js';
import {
  archiveQualification,
  createQualification,
  listQualifications,
  restoreQualification,
  updateQualification,
} from './qualification-service.js';
import { addExternalRecord, deleteRecord, getRecord, listRecords, updateRecord } from './service.js';

export const recordsHandlers = (): HandlersFor<
  keyof typeof qualificationsCalls | keyof typeof recordsCalls
> => ({
  'qualifications.list': listQualifications,
  'qualifications.create': createQualification,
  'qualifications.update': updateQualification,
  'qualifications.archive': archiveQualification,
  'qualifications.restore': restoreQualification,
  'records.list': listRecords,
  'records.get': getRecord,
  'records.addExternal': addExternalRecord,
  'records.update': updateRecord,
  'records.delete': deleteRecord,
});
