import type { lookupsCalls } from '../../../shared/api/calls/lookups.js';
import type { HandlersFor } from '../../app/handler-types.js';
import {
  archiveLookup,
  createLookup,
  listLookups,
  mergeLookups,
  renameLookup,
  restoreLookup,
} from './service.js';

export const lookupsHandlers = (): HandlersFor<keyof typeof lookupsCalls> => ({
  'lookups.list': listLookups,
  'lookups.create': createLookup,
  'lookups.rename': renameLookup,
  'lookups.merge': mergeLookups,
  'lookups.archive': archiveLookup,
  'lookups.restore': restoreLookup,
});
