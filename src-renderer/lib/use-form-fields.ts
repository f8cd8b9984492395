import { useCallback, useState, type ChangeEvent } from 'react';
import type { FieldErrors } from './form-errors';

/**
 * Just enough form state for small forms: values, per-field errors (cleared as
 * the field is edited), and focusing the first field that has an error.
 */
export function useFormFields<F extends string>(formId: string, initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrorsState] = useState<FieldErrors<F>>({});

  const fieldId = useCallback((field: F) => `${formId}-${field}`, [formId]);

  const setErrors = useCallback(
    (next: FieldErrors<F>, order: readonly F[]) => {
      setErrorsState(next);
      const first = order.find((f) => next[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
    },
    [fieldId],
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

  return { values, errors, setErrors, setValue, bind, reset };
}
