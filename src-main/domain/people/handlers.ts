import type { peopleCalls } from '../../../shared/api/calls/people.js';
import type { HandlerOptions, HandlersFor } from '../../app/handler-types.js';
import {
  createPerson,
  deactivatePerson,
  reactivatePerson,
  resetPassword,
  setPin,
  updatePerson,
} from './edit-service.js';
import { exportPeople } from './export-service.js';
import { commitPeopleImport, validatePeopleImport } from './import-service.js';
import { getPerson, listPeople } from './service.js';

export const peopleHandlers = (opts: HandlerOptions): HandlersFor<keyof typeof peopleCalls> => ({
  'people.list': listPeople,
  'people.get': getPerson,
  'people.create': (input, ctx) => createPerson(input, ctx, opts.passwordCost),
  'people.update': updatePerson,
  'people.deactivate': deactivatePerson,
  'people.reactivate': reactivatePerson,
  'people.resetPassword': (input, ctx) => resetPassword(input, ctx, opts.passwordCost),
  'people.setPin': (input, ctx) => setPin(input, ctx, opts.passwordCost),
  'people.import.validate': validatePeopleImport,
  'people.import.commit': commitPeopleImport,
  'people.export': exportPeople,
});
