import type { CallSpec } from '../call-spec.js';
import {
  LookupCreate,
  LookupMerge,
  LookupMerged,
  LookupQuery,
  LookupRef,
  LookupRename,
  LookupRow,
  LookupRows,
} from '../schemas/lookups.js';

// Departments and job titles are one list for the whole installation, so their
// management calls name no unit: holding units.manage anywhere is what counts.
export const lookupsCalls = {
  'lookups.list': {
    input: LookupQuery,
    output: LookupRows,
    access: 'units.view',
    write: false,
    summary: 'Departments or job titles, with how many people (within your scope) hold each',
  },
  'lookups.create': {
    input: LookupCreate,
    output: LookupRow,
    access: 'units.manage',
    write: true,
    summary: 'Add a department or job title',
  },
  'lookups.rename': {
    input: LookupRename,
    output: LookupRow,
    access: 'units.manage',
    write: true,
    summary: 'Rename a department or job title',
  },
  'lookups.merge': {
    input: LookupMerge,
    output: LookupMerged,
    access: 'units.manage',
    write: true,
    summary: 'Move everyone from one department (or job title) to another and remove the first',
  },
  'lookups.archive': {
    input: LookupRef,
    output: LookupRow,
    access: 'units.manage',
    write: true,
    summary: 'Archive a department or job title: people keep it, pickers no longer offer it',
  },
  'lookups.restore': {
    input: LookupRef,
    output: LookupRow,
    access: 'units.manage',
    write: true,
    summary: 'Restore an archived department or job title',
  },
} as const satisfies Record<string, CallSpec>;
