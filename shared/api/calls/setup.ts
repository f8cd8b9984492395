import { Empty } from '../common.js';
import { SetupInput, SetupResult, SetupStatus } from '../schemas/auth.js';
import type { CallSpec } from '../call-spec.js';

export const setupCalls = {
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
} as const satisfies Record<string, CallSpec>;
