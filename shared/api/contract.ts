import type { z } from '../zod.js';
import type { Privilege } from '../permissions/privileges.js';
import { Empty } from './common.js';
import {
  ChangePasswordInput,
  SessionState,
  SessionUser,
  SetupInput,
  SetupResult,
  SetupStatus,
  SignInInput,
} from './schemas/auth.js';
import { AuditPage, AuditQuery, AuditVerification } from './schemas/audit.js';
import { PeoplePage, PeopleQuery } from './schemas/people.js';

/**
 * Who may make a call: anyone (`public`: first-run setup and sign-in), anyone
 * signed in (`authenticated`: their own session and password), or holders of a
 * privilege. A call without one is refused by the dispatcher (deny by default).
 */
export type Access = 'public' | 'authenticated' | Privilege;

export interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Writes are audited; reads are not. */
  write: boolean;
  /** One line for `--help`, docs and the permission matrix. */
  summary: string;
}

/**
 * Every call the renderer, the CLI and the tests can make, once. The dispatcher,
 * the preload, the typed client and the permission-matrix test derive from it;
 * nothing it does not name is forwarded.
 */
export const contract = {
  'setup.status': {
    input: Empty,
    output: SetupStatus,
    access: 'public',
    write: false,
    summary: 'Whether the database still needs its first-run setup',
  },
  'setup.create': {
    input: SetupInput,
    output: SetupResult,
    access: 'public',
    write: true,
    summary: 'Create the organisation and its first administrator (first run only)',
  },
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
  'audit.list': {
    input: AuditQuery,
    output: AuditPage,
    access: 'audit.view',
    write: false,
    summary: 'Read the audit log, newest first',
  },
  'audit.verify': {
    input: Empty,
    output: AuditVerification,
    access: 'audit.view',
    write: false,
    summary: 'Check the audit log hash chain for tampering',
  },
  'people.list': {
    input: PeopleQuery,
    output: PeoplePage,
    access: 'people.view',
    write: false,
    summary: 'List the people within your scope',
  },
} as const satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<C extends CallName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends CallName> = z.output<Contract[C]['input']>;
export type CallOutput<C extends CallName> = z.output<Contract[C]['output']>;

export const callNames = Object.keys(contract) as CallName[];
export const isCallName = (s: string): s is CallName => Object.hasOwn(contract, s);
