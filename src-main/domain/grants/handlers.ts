import type { grantsCalls } from '../../../shared/api/calls/grants.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { addGrant, grantableRoles, listGrants, removeGrant } from './service.js';

export const grantsHandlers = (): HandlersFor<keyof typeof grantsCalls> => ({
  'grants.list': listGrants,
  'grants.grantable': grantableRoles,
  'grants.add': addGrant,
  'grants.remove': removeGrant,
});
