import { useCallback, useState, type ChangeEvent } from 'react';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { z } from '../../shared/zod';
import { focusFirstError, showServerErrors, validateForm, type FieldErrors } from './form-errors';

/**
 * Just enough form state for small forms: values, per-field errors (cleared as
 * the field is edited), focusing the first field that has an error, and a
 * message above the form for what no field explains.
 */
export function useFormFields<F extends string>(formId: string, initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrorsState] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const fieldId = useCallback((field: F) => `${formId}-${field}`, [formId]);

  const setErrors = useCallback(
    (next: FieldErrors<F>, order: readonly F[]) => {
      setErrorsState(next);
      focusFirstError(next, order, formId);
    },
    [formId],
  );

  /**
   * The values checked with the call's own input schema (see validateForm): the
   * parsed input, or null with the errors shown and the first field focused.
   */
  const validate = <S extends z.ZodType>(
    schema: S,
    order: readonly F[],
    confirm?: { field: F; mustEqual: F; message: string },
  ): z.output<S> | null => {
    const checked = validateForm(schema, values, order, confirm);
    if (checked.ok) return checked.data;
    setErrors(checked.errors, order);
    return null;
  };

  /** A failed call: its details on the fields they name, the rest above the form. */
  const showServerError = useCallback(
    (error: ApiErrorBody, order: readonly F[]) =>
      showServerErrors(error, order, (next) => setErrors(next, order), setFormError),
    [setErrors],
  );

  /** Props for a Mantine input bound to one field. */
  const bind = (field: F) => ({
    id: fieldId(field),
    value: values[field],
    error: errors[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
      setErrorsState((errs) => (errs[field] ? { ...errs, [field]: undefined } : errs));
    },
  });

  // The first render's values are the ones to go back to.
  const [initialValues] = useState(initial);
  const reset = useCallback(() => {
    setValues(initialValues);
    setErrorsState({});
  }, [initialValues]);

  const setValue = useCallback((field: F, value: string) => setValues((v) => ({ ...v, [field]: value })), []);

  return {
    values,
    errors,
    setErrors,
    setValue,
    bind,
    reset,
    formError,
    setFormError,
    showServerError,
    validate,
  };
}
