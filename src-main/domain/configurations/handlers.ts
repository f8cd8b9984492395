import type { configurationsCalls } from '../../../shared/api/calls/configurations.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { archiveConfiguration, createConfiguration, updateConfiguration } from './edit-service.js';
import { remind } from './remind-service.js';
import { getConfiguration, listConfigurations, previewTarget } from './service.js';

export const configurationsHandlers = (): HandlersFor<keyof typeof configurationsCalls> => ({
  'configurations.list': listConfigurations,
  'configurations.get': getConfiguration,
  'configurations.preview': previewTarget,
  'configurations.create': createConfiguration,
  'configurations.update': updateConfiguration,
  'configurations.archive': archiveConfiguration,
  'configurations.remind': remind,
});
