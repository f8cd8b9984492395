import { Empty } from '../common.js';
import {
  CreatePersonInput,
  PeoplePage,
  PeopleQuery,
  PersonProfile,
  PersonRef,
  ResetPasswordInput,
  SetPinInput,
  UpdatePersonInput,
} from '../schemas/people.js';
import {
  PeopleExport,
  PeopleExportInput,
  PeopleImportInput,
  PeopleImportSummary,
} from '../schemas/people-import.js';
import type { CallSpec } from '../call-spec.js';

const manage = (i: { id: string }) => ({ person: i.id, manage: true });

export const peopleCalls = {
  'people.list': {
    input: PeopleQuery,
    output: PeoplePage,
    access: 'people.view',
    write: false,
    summary:
      'List the people within your scope (search, filter by unit, department, job title, status; sort)',
  },
  'people.get': {
    input: PersonRef,
    output: PersonProfile,
    access: 'people.view',
    write: false,
    summary: "A person's profile, explicit grants and groups",
    target: (i: { id: string }) => ({ person: i.id }),
  },
  'people.create': {
    input: CreatePersonInput,
    output: PersonProfile,
    access: 'people.manage',
    write: true,
    summary: 'Add a person at a unit within your scope',
    target: (i: { unitId: string }) => ({ unit: i.unitId }),
  },
  'people.update': {
    input: UpdatePersonInput,
    output: PersonProfile,
    access: 'people.manage',
    write: true,
    summary: "Change a person's details, unit or manager (not someone ranked above you)",
    target: manage,
  },
  'people.deactivate': {
    input: PersonRef,
    output: PersonProfile,
    access: 'people.manage',
    write: true,
    summary: 'Mark a person as left: they keep their history but cannot sign in',
    target: manage,
  },
  'people.reactivate': {
    input: PersonRef,
    output: PersonProfile,
    access: 'people.manage',
    write: true,
    summary: 'Make a person who left active again',
    target: manage,
  },
  'people.resetPassword': {
    input: ResetPasswordInput,
    output: Empty,
    access: 'people.manage',
    write: true,
    summary: "Set a person's password and lift a sign-in lockout",
    target: manage,
  },
  'people.setPin': {
    input: SetPinInput,
    output: Empty,
    access: 'people.manage',
    write: true,
    summary: "Set or remove a person's kiosk PIN",
    target: manage,
  },
  'people.import.validate': {
    input: PeopleImportInput,
    output: PeopleImportSummary,
    access: 'people.import',
    write: false,
    summary: 'Check a people CSV and report what an import would do, writing nothing',
  },
  'people.import.commit': {
    input: PeopleImportInput,
    output: PeopleImportSummary,
    access: 'people.import',
    write: true,
    summary: 'Import a people CSV in one transaction, or nothing if any row has a problem',
  },
  'people.export': {
    input: PeopleExportInput,
    output: PeopleExport,
    access: 'people.view',
    write: false,
    summary: 'The people within your scope as a CSV in the import layout',
  },
} as const satisfies Record<string, CallSpec>;
