import type { CallSpec } from '../call-spec.js';
import {
  ConfigurationCreate,
  ConfigurationDetail,
  ConfigurationPage,
  ConfigurationQuery,
  ConfigurationRef,
  ConfigurationUpdate,
  RemindInput,
  RemindOutcome,
  TargetPreview,
  TargetPreviewInput,
} from '../schemas/configurations.js';

// Calls naming a configuration by id check assignments.manage against its owner
// unit in the service; create checks the target (person, group or unit) there too.
export const configurationsCalls = {
  'configurations.list': {
    input: ConfigurationQuery,
    output: ConfigurationPage,
    access: 'compliance.view',
    write: false,
    summary: 'Training configurations owned by units within your scope',
  },
  'configurations.get': {
    input: ConfigurationRef,
    output: ConfigurationDetail,
    access: 'compliance.view',
    write: false,
    summary: 'One training configuration with its modules, requirements, validity and due rules',
  },
  'configurations.preview': {
    input: TargetPreviewInput,
    output: TargetPreview,
    access: 'assignments.manage',
    write: false,
    summary: 'Who a target (person, group, unit and below) covers today, for the editor',
  },
  'configurations.create': {
    input: ConfigurationCreate,
    output: ConfigurationDetail,
    access: 'assignments.manage',
    write: true,
    summary: 'Create a training configuration for a person, a group or a unit and everything below it',
  },
  'configurations.update': {
    input: ConfigurationUpdate,
    output: ConfigurationDetail,
    access: 'assignments.manage',
    write: true,
    summary: 'Change a configuration’s name or modules; earlier requirements stay in the history',
  },
  'configurations.archive': {
    input: ConfigurationRef,
    output: ConfigurationDetail,
    access: 'assignments.manage',
    write: true,
    summary: 'Stop a configuration from today (its history stays)',
  },
  'configurations.remind': {
    input: RemindInput,
    output: RemindOutcome,
    access: 'assignments.manage',
    write: true,
    summary: 'Remind people of training they still need (in-app and queued by email), all or none',
  },
} as const satisfies Record<string, CallSpec>;
