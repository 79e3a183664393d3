import type { FormErrors } from '@mantine/form';

/** After a failed check, put the cursor in the first field to fix — on a phone this also scrolls it into view. */
export function focusFirstError(errors: FormErrors): void {
  const paths = Object.keys(errors);
  const field = paths
    .map((path) => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`))
    .find((node) => node !== null);
  field?.focus();
}
