import type { CallSpec } from '../call-spec.js';
import { Empty } from '../common.js';
import {
  UnitCreate,
  UnitLevels,
  UnitMove,
  UnitNode,
  UnitRef,
  UnitsImportInput,
  UnitsImportSummary,
  UnitsTreeQuery,
  UnitTree,
  UnitUpdate,
} from '../schemas/units.js';

const unitOf = (i: { id: string }) => ({ unit: i.id });

export const unitsCalls = {
  'units.tree': {
    input: UnitsTreeQuery,
    output: UnitTree,
    access: 'units.view',
    write: false,
    summary: 'The units within your scope, with the units above them so the tree can be drawn',
  },
  'units.levels': {
    input: Empty,
    output: UnitLevels,
    access: 'units.view',
    write: false,
    summary: 'The level names in use (Region, Site, Area…), for a picker',
  },
  'units.create': {
    input: UnitCreate,
    output: UnitNode,
    access: 'units.manage',
    write: true,
    summary: 'Add a unit under another (a client organisation only directly under the organisation)',
    target: (i: { parentId: string }) => ({ unit: i.parentId }),
  },
  'units.update': {
    input: UnitUpdate,
    output: UnitNode,
    access: 'units.manage',
    write: true,
    summary: 'Rename a unit or change its code or level',
    target: unitOf,
  },
  'units.move': {
    input: UnitMove,
    output: UnitNode,
    access: 'units.manage',
    write: true,
    summary: 'Move a unit (and everything below it) under another unit within your scope',
    target: unitOf,
  },
  'units.archive': {
    input: UnitRef,
    output: UnitNode,
    access: 'units.manage',
    write: true,
    summary: 'Archive a unit that has no active people and no units below it that are not archived',
    target: unitOf,
  },
  'units.restore': {
    input: UnitRef,
    output: UnitNode,
    access: 'units.manage',
    write: true,
    summary: 'Restore an archived unit',
    target: unitOf,
  },
  'units.delete': {
    input: UnitRef,
    output: UnitRef,
    access: 'units.manage',
    write: true,
    summary: 'Delete a unit that nobody and nothing refers to (otherwise archive it)',
    target: unitOf,
  },
  'units.import.validate': {
    input: UnitsImportInput,
    output: UnitsImportSummary,
    access: 'units.manage',
    write: false,
    summary:
      'Check a units CSV (Code, Name, Parent Code, Level) and report what an import would do, writing nothing',
  },
  'units.import.commit': {
    input: UnitsImportInput,
    output: UnitsImportSummary,
    access: 'units.manage',
    write: true,
    summary: 'Create and update units from a CSV in one transaction, or nothing if any row has a problem',
  },
} as const satisfies Record<string, CallSpec>;
