import type { CallSpec } from '../call-spec.js';
import {
  Deleted,
  GroupCreate,
  GroupDetail,
  GroupPage,
  GroupPreview,
  GroupPreviewInput,
  GroupQuery,
  GroupRef,
  GroupsQuery,
  GroupUpdate,
} from '../schemas/groups.js';

// groups.update and groups.delete name only the group: their handlers check
// groups.manage against the group's owner unit (and a new owner) themselves.
export const groupsCalls = {
  'groups.list': {
    input: GroupsQuery,
    output: GroupPage,
    access: 'people.view',
    write: false,
    summary: 'Groups owned by units within your scope, with their members within your scope counted',
  },
  'groups.get': {
    input: GroupQuery,
    output: GroupDetail,
    access: 'people.view',
    write: false,
    summary: 'A group with its rule and a page of its members within your scope',
  },
  'groups.preview': {
    input: GroupPreviewInput,
    output: GroupPreview,
    access: 'people.view',
    write: false,
    summary: 'Who a rule would hold (within your scope), for the group editor',
  },
  'groups.create': {
    input: GroupCreate,
    output: GroupDetail,
    access: 'groups.manage',
    write: true,
    summary: 'Create a static group (picked people) or a rule group (units, departments, job titles)',
    target: (i: { ownerUnitId: string }) => ({ unit: i.ownerUnitId }),
  },
  'groups.update': {
    input: GroupUpdate,
    output: GroupDetail,
    access: 'groups.manage',
    write: true,
    summary: "Change a group's name, description, owner, members or rule",
  },
  'groups.delete': {
    input: GroupRef,
    output: Deleted,
    access: 'groups.manage',
    write: true,
    summary: 'Delete a group (its people are not affected)',
  },
} as const satisfies Record<string, CallSpec>;
