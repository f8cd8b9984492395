import type { z } from '../zod.js';
import type { Privilege } from '../permissions/privileges.js';

/**
 * Who may make a call: anyone (`public`: first-run setup and sign-in), anyone
 * signed in (`authenticated`: their own session and password), or holders of a
 * privilege. A call without one is refused by the dispatcher (deny by default).
 */
export type Access = 'public' | 'authenticated' | Privilege;

/**
 * What a call acts on, named from its input, so the dispatcher can check scope
 * before the handler runs. `manage: true` marks a change to that person
 * (profile, status, password, grants): then `004_*`'s rank rule applies too, and
 * nobody can change someone ranked above them.
 */
export type TargetRef = { person: string; manage?: boolean } | { unit: string };

export interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Writes are audited; reads are not. */
  write: boolean;
  /** One line for `--help`, docs and the permission matrix. */
  summary: string;
  /**
   * The person or unit the call acts on. When given, the dispatcher also checks
   * that the actor's privilege reaches that target (scope), not just that they hold it.
   */
  target?: (input: never) => TargetRef | null;
}
