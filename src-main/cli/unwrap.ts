import type { Result } from '../../shared/api/errors.js';
import { CliError } from './cli-error.js';

/** A failed call becomes a CliError (exit 1) whose one sentence names the field that was wrong. */
export function unwrap<T>(res: Result<T>): T {
  if (res.ok) return res.value;
  const d = res.error.details?.[0];
  const msg = d && res.error.code === 'invalid_input' ? `${d.path}: ${d.message}` : res.error.message;
  throw new CliError(msg.endsWith('.') ? msg : msg + '.');
}
