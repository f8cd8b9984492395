import type { peopleCalls } from '../../../shared/api/calls/people.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { listPeople } from './service.js';

export const peopleHandlers = (): HandlersFor<keyof typeof peopleCalls> => ({
  'people.list': listPeople,
});
