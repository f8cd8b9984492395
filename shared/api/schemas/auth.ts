import { z } from '../../zod.js';
import { Email, Id, NewPassword } from '../common.js';

const Name = (label: string, max = 120) =>
  z.string().trim().min(1, `Enter ${label}`).max(max, `Use at most ${max} characters for ${label}`);

export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
  privileges: z.array(z.string()),
  roles: z.array(z.object({ roleId: z.string(), roleName: z.string(), unitId: Id, unitName: z.string() })),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SetupStatus = z.object({
  needsSetup: z.boolean(),
  organisationName: z.string().nullable(),
  /** True for a database made with `init --demo`: the sign-in screen then shows the demo accounts. */
  demo: z.boolean(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupInput = z
  .object({
    organisationName: Name('the organisation name'),
    firstName: Name('a first name'),
    lastName: Name('a last name'),
    email: Email,
    password: NewPassword,
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInput>;

export const SetupResult = z.object({ email: z.string() });

export const SignInInput = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Enter your email address')
      .max(254)
      .transform((s) => s.toLowerCase()),
    password: z.string().min(1, 'Enter your password').max(200),
  })
  .strict();

export const SessionState = z.object({ user: SessionUser.nullable() });

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(200),
    newPassword: NewPassword,
  })
  .strict();
