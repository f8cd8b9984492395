import type { groupsCalls } from '../../../shared/api/calls/groups.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { createGroup, updateGroup } from './edit-service.js';
import { deleteGroup, getGroup, listGroups, previewGroup } from './service.js';

export const groupsHandlers = (): HandlersFor<keyof typeof groupsCalls> => ({
  'groups.list': listGroups,
  'groups.get': getGroup,
  'groups.preview': previewGroup,
  'groups.create': createGroup,
  'groups.update': updateGroup,
  'groups.delete': deleteGroup,
});
