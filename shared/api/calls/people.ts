import { PeoplePage, PeopleQuery } from '../schemas/people.js';
import type { CallSpec } from '../call-spec.js';

export const peopleCalls = {
  'people.list': {
    input: PeopleQuery,
    output: PeoplePage,
    access: 'people.view',
    write: false,
    summary: 'List the people within your scope',
  },
} as const satisfies Record<string, CallSpec>;
