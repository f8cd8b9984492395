import type { permissionsCalls } from '../../../shared/api/calls/permissions.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { effectivePermissions, explainPermission } from './service.js';

export const permissionsHandlers = (): HandlersFor<keyof typeof permissionsCalls> => ({
  'permissions.effective': effectivePermissions,
  'permissions.explain': explainPermission,
});
