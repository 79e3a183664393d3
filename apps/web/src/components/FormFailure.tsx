import { ErrorAlert } from './ErrorAlert';
import { RevealOnChange } from './RevealOnChange';

/** The server's answer to a failed submit, scrolled into view. */
export function FormFailure({ failure }: { failure: unknown }) {
  if (failure === null) return null;
  return (
    <RevealOnChange trigger={failure}>
      <ErrorAlert error={failure} />
    </RevealOnChange>
  );
}
