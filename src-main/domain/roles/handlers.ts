import type { rolesCalls } from '../../../shared/api/calls/roles.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { copyRole, deleteRole, listRoles, privilegeCatalog, updateRole } from './service.js';

export const rolesHandlers = (): HandlersFor<keyof typeof rolesCalls> => ({
  'roles.privileges': privilegeCatalog,
  'roles.list': listRoles,
  'roles.copy': copyRole,
  'roles.update': updateRole,
  'roles.delete': deleteRole,
});
