import { Empty } from '../common.js';
import type { CallSpec } from '../call-spec.js';
import {
  ModuleCreate,
  ModuleDetail,
  ModuleOptions,
  ModuleOptionsQuery,
  ModulePage,
  ModuleQuery,
  ModuleRef,
  ModuleUpdate,
} from '../schemas/catalog.js';

// Calls naming a module by id check catalog.manage against its owner unit in the
// service (and against the new owner when it moves), as groups do.
export const catalogCalls = {
  'modules.list': {
    input: ModuleQuery,
    output: ModulePage,
    access: 'catalog.view',
    write: false,
    summary: 'Modules owned by units within your scope, filtered, sorted and paged',
  },
  'modules.options': {
    input: ModuleOptionsQuery,
    output: ModuleOptions,
    access: 'catalog.view',
    write: false,
    summary: 'Modules to pick from (path items, quiz steps, prerequisites, manual results)',
  },
  'modules.get': {
    input: ModuleRef,
    output: ModuleDetail,
    access: 'catalog.view',
    write: false,
    summary: 'One module with its draft content, prerequisites, versions and usage',
  },
  'modules.create': {
    input: ModuleCreate,
    output: ModuleDetail,
    access: 'catalog.manage',
    write: true,
    summary: 'Create a draft module (course, quiz, event, learning path or external item)',
    target: (i: { ownerUnitId: string }) => ({ unit: i.ownerUnitId }),
  },
  'modules.update': {
    input: ModuleUpdate,
    output: ModuleDetail,
    access: 'catalog.manage',
    write: true,
    summary:
      'Change a module’s details, draft content or prerequisites (published versions stay as they were)',
  },
  'modules.publish': {
    input: ModuleRef,
    output: ModuleDetail,
    access: 'catalog.manage',
    write: true,
    summary: 'Check the draft and publish it as the next version',
  },
  'modules.archive': {
    input: ModuleRef,
    output: ModuleDetail,
    access: 'catalog.manage',
    write: true,
    summary: 'Archive a module: history stays, nobody can start it',
  },
  'modules.restore': {
    input: ModuleRef,
    output: ModuleDetail,
    access: 'catalog.manage',
    write: true,
    summary: 'Bring an archived module back (published if it ever was, else draft)',
  },
  'modules.delete': {
    input: ModuleRef,
    output: Empty,
    access: 'catalog.manage',
    write: true,
    summary: 'Delete a module nothing refers to (otherwise archive it)',
  },
} as const satisfies Record<string, CallSpec>;
