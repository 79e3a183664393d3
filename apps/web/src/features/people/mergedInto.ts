import { ApiError } from '../../lib/api';

/** The record a merged person now lives on, when the server answers 404 PERSON_MERGED. */
export function mergedInto(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'PERSON_MERGED') return null;
  const details = error.details;
  return typeof details === 'object' && details !== null && 'mergedInto' in details && typeof details.mergedInto === 'string'
    ? details.mergedInto
    : null;
}
