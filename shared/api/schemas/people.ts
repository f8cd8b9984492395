import { z } from '../../zod.js';
import { Email, Id, NewPassword, PageQuery } from '../common.js';

export const PersonStatus = z.enum(['active', 'left']);
export type PersonStatus = z.infer<typeof PersonStatus>;

const Name = (label: string, max = 120) =>
  z.string().trim().min(1, `Enter ${label}`).max(max, `Use at most ${max} characters for ${label}`);

/** An empty employee number means none: spreadsheets and forms send "" for a cleared field. */
const EmployeeNo = z
  .string()
  .trim()
  .max(64, 'Use at most 64 characters for the employee number')
  .transform((s) => s || null)
  .nullable();

const Username = z.string().trim().min(1, 'Enter a username').max(254, 'Use at most 254 characters');

export const PeopleSortBy = z.enum([
  'name',
  'email',
  'employeeNo',
  'unit',
  'department',
  'jobTitle',
  'status',
]);
export type PeopleSortBy = z.infer<typeof PeopleSortBy>;

export const PeopleSort = z
  .object({ by: PeopleSortBy, dir: z.enum(['asc', 'desc']).default('asc') })
  .strict();

/** What narrows a people list or export; the actor's scope always applies on top. */
const peopleFilter = {
  search: z.string().trim().max(200).optional(),
  /** That unit and every unit below it. */
  unitId: Id.optional(),
  departmentId: Id.optional(),
  jobTitleId: Id.optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  sort: PeopleSort.default({ by: 'name', dir: 'asc' }),
};

export const PeopleQuery = PageQuery.extend(peopleFilter).strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonRow = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  employeeNo: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  /** "Nordvik Group / Norrland / Umeå" */
  unitPath: z.string(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  managerName: z.string().nullable(),
  status: PersonStatus,
});
export type PersonRow = z.infer<typeof PersonRow>;

export const PeoplePage = z.object({ rows: z.array(PersonRow), total: z.number() });

export const PersonRef = z.object({ id: Id }).strict();

/** Everything the person page shows. */
export const PersonProfile = PersonRow.extend({
  username: z.string(),
  departmentId: z.string().nullable(),
  jobTitleId: z.string().nullable(),
  managerId: z.string().nullable(),
  managerEmail: z.string().nullable(),
  hasPassword: z.boolean(),
  hasPin: z.boolean(),
  /** Set while sign-in is locked after failed attempts; a password reset clears it. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Explicit grants only; the implied Member grants are on the effective-permissions screen. */
  grants: z.array(
    z.object({ roleId: z.string(), roleName: z.string(), unitId: z.string(), unitName: z.string() }),
  ),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const CreatePersonInput = z
  .object({
    email: Email,
    /** Defaults to the email. */
    username: Username.optional(),
    firstName: Name('a first name'),
    lastName: Name('a last name'),
    employeeNo: EmployeeNo.optional(),
    unitId: Id,
    departmentId: Id.nullable().optional(),
    jobTitleId: Id.nullable().optional(),
    managerId: Id.nullable().optional(),
    /** Without one the person cannot sign in until an administrator sets one. */
    password: NewPassword.optional(),
  })
  .strict();
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/** Only the fields sent are changed; `null` clears an optional one. */
export const UpdatePersonInput = z
  .object({
    id: Id,
    email: Email.optional(),
    username: Username.optional(),
    firstName: Name('a first name').optional(),
    lastName: Name('a last name').optional(),
    employeeNo: EmployeeNo.optional(),
    unitId: Id.optional(),
    departmentId: Id.nullable().optional(),
    jobTitleId: Id.nullable().optional(),
    managerId: Id.nullable().optional(),
  })
  .strict();
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const ResetPasswordInput = z.object({ id: Id, newPassword: NewPassword }).strict();

/** A kiosk PIN: 4 to 8 digits, or null to remove it. */
export const SetPinInput = z
  .object({
    id: Id,
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'Use 4 to 8 digits')
      .nullable(),
  })
  .strict();
