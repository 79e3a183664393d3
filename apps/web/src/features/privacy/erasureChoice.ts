import type { ErasureCategory } from '@desmigratif/contracts';

/**
 * What the erasure form asks of the officer: choosing nothing to erase is a valid answer
 * (everything requested is kept by law), but then the requester must be told why — as the
 * server requires.
 */
export function erasureChoice(chosen: readonly ErasureCategory[], note: string): { noteRequired: boolean; canContinue: boolean } {
  const noteRequired = chosen.length === 0;
  return { noteRequired, canContinue: !noteRequired || note.trim() !== '' };
}
