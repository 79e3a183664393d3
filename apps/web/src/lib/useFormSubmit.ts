import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from './api';
import { focusFirstError } from './focusFirstError';

/**
 * Submits a Mantine form to the server. On failure the typed values stay as they are, the server's
 * field messages land on their fields, and `failure` holds the error for the alert above the form.
 */
export function useFormSubmit<Values>(
  form: UseFormReturnType<Values>,
  action: (values: Values) => Promise<unknown>,
  onFailure?: (error: unknown) => Promise<void> | void,
) {
  const [failure, setFailure] = useState<unknown>(null);
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await action(values);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) {
        form.setErrors(error.fieldErrors);
        focusFirstError(error.fieldErrors);
      }
      await onFailure?.(error);
    }
  }, focusFirstError);
  return { submit, failure, setFailure };
}
