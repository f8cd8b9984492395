import type { catalogCalls } from '../../../shared/api/calls/catalog.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { createModule, updateModule } from './edit-service.js';
import { archiveModule, deleteModule, publishModule, restoreModule } from './lifecycle-service.js';
import { getModule, listModules, moduleOptions } from './service.js';

export const catalogHandlers = (): HandlersFor<keyof typeof catalogCalls> => ({
  'modules.list': listModules,
  'modules.options': moduleOptions,
  'modules.get': getModule,
  'modules.create': createModule,
  'modules.update': updateModule,
  'modules.publish': publishModule,
  'modules.archive': archiveModule,
  'modules.restore': restoreModule,
  'modules.delete': deleteModule,
});
