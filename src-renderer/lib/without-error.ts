import type { FieldErrors } from './form-errors';

/** The errors without one field's: for clearing a message as that field is edited. */
export function withoutError<F extends string>(errors: FieldErrors<F>, field: F): FieldErrors<F> {
  if (!(field in errors)) return errors;
  const next = { ...errors };
  delete next[field];
  return next;
}
