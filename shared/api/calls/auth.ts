import { Empty } from '../common.js';
import { ChangePasswordInput, SessionState, SessionUser, SignInInput } from '../schemas/auth.js';
import type { CallSpec } from '../call-spec.js';

export const authCalls = {
  'auth.signIn': {
    input: SignInInput,
    output: SessionUser,
    access: 'public',
    write: true,
    summary: 'Sign in this window with email and password',
  },
  'auth.session': {
    input: Empty,
    output: SessionState,
    access: 'public',
    write: false,
    summary: 'Who is signed in to this window, if anyone',
  },
  'auth.signOut': {
    input: Empty,
    output: Empty,
    access: 'authenticated',
    write: true,
    summary: 'Sign this window out',
  },
  'auth.changePassword': {
    input: ChangePasswordInput,
    output: Empty,
    access: 'authenticated',
    write: true,
    summary: 'Change your own password (the current one is required)',
  },
} as const satisfies Record<string, CallSpec>;
