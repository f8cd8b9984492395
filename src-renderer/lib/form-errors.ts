import type { z } from '../../shared/zod';
import type { ApiErrorBody, ErrorDetail } from '../../shared/api/errors';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The first message per field from a failed zod parse, keyed by top-level field name. */
export function zodFieldErrors<F extends string>(error: z.ZodError, fields: readonly F[]): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (fields.includes(field) && !out[field]) out[field] = issue.message;
  }
  return out;
}

/**
 * Server `invalid_input` details mapped onto the form's fields by path. What
 * matches no field comes back in `rest`, for a message above the form.
 */
export function detailFieldErrors<F extends string>(
  details: readonly ErrorDetail[] | undefined,
  fields: readonly F[],
): { fields: FieldErrors<F>; rest: ErrorDetail[] } {
  const out: FieldErrors<F> = {};
  const rest: ErrorDetail[] = [];
  for (const d of details ?? []) {
    const field = d.path.split('.')[0] as F;
    if (fields.includes(field)) {
      if (!out[field]) out[field] = d.message;
    } else {
      rest.push(d);
    }
  }
  return { fields: out, rest };
}

export const hasErrors = (errors: Record<string, string | undefined>): boolean =>
  Object.values(errors).some(Boolean);

/**
 * Validates a form's values with the call's own input schema, plus an optional
 * "type it again" field that must equal another. The confirmation field is not
 * sent. Returns the parsed input, or the errors per field.
 */
export function validateForm<F extends string, S extends z.ZodType>(
  schema: S,
  values: Record<F, string>,
  fields: readonly F[],
  confirm?: { field: F; mustEqual: F; message: string },
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors<F> } {
  const input: Partial<Record<F, string>> = { ...values };
  if (confirm) delete input[confirm.field];
  const parsed = schema.safeParse(input);
  const errors: FieldErrors<F> = parsed.success ? {} : zodFieldErrors(parsed.error, fields);
  if (confirm && !errors[confirm.mustEqual] && values[confirm.field] !== values[confirm.mustEqual]) {
    errors[confirm.field] = confirm.message;
  }
  return parsed.success && !hasErrors(errors) ? { ok: true, data: parsed.data } : { ok: false, errors };
}

/**
 * A failed call's details on the fields they name. Its message goes above the
 * form when some detail names no field, or when none does: a refusal (rank,
 * scope, own access) is a full sentence from the server, shown as it is.
 */
export function showServerErrors<F extends string>(
  error: ApiErrorBody,
  fields: readonly F[],
  setFieldErrors: (errors: FieldErrors<F>) => void,
  setFormError: (message: string | null) => void,
): void {
  const mapped = detailFieldErrors(error.details, fields);
  setFieldErrors(mapped.fields);
  setFormError(mapped.rest.length || !hasErrors(mapped.fields) ? error.message : null);
}

/** Moves focus to the first field, in form order, that has an error; a field's id is `${formId}-${field}`. */
export function focusFirstError<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  formId: string,
): void {
  const first = order.find((f) => errors[f]);
  if (first) document.getElementById(`${formId}-${first}`)?.focus();
}
