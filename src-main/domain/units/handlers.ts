import type { unitsCalls } from '../../../shared/api/calls/units.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { commitUnitsImport, validateUnitsImport } from './import-service.js';
import {
  archiveUnit,
  createUnit,
  deleteUnit,
  listLevels,
  listTree,
  moveUnit,
  restoreUnit,
  updateUnit,
} from './service.js';

export const unitsHandlers = (): HandlersFor<keyof typeof unitsCalls> => ({
  'units.tree': listTree,
  'units.levels': listLevels,
  'units.create': createUnit,
  'units.update': updateUnit,
  'units.move': moveUnit,
  'units.archive': archiveUnit,
  'units.restore': restoreUnit,
  'units.delete': deleteUnit,
  'units.import.validate': validateUnitsImport,
  'units.import.commit': commitUnitsImport,
});
