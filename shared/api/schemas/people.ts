import { z } from '../../zod.js';
import { PageQuery } from '../common.js';

export const PersonStatus = z.enum(['active', 'left']);

export const PeopleQuery = PageQuery.extend({
  search: z.string().trim().max(200).optional(),
  status: PersonStatus.optional(),
}).strict();

export const PersonRow = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  employeeNo: z.string().nullable(),
  unitName: z.string(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  status: PersonStatus,
});
export type PersonRow = z.infer<typeof PersonRow>;

export const PeoplePage = z.object({ rows: z.array(PersonRow), total: z.number() });
