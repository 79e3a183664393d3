import { useDebouncedValue } from '@mantine/hooks';
import { useDuplicateSuggestions } from './api';
import { suggestionQuery, type SuggestionQuery } from './suggestionQuery';

const pause = 500;

/** Likely duplicates of the person being typed, asked again once the officer pauses typing. */
export function useTypedDuplicates(villageCode: string, typed: Parameters<typeof suggestionQuery>[0]) {
  const query = suggestionQuery(typed);
  // Compared as text: a new object with the same content must not restart the pause.
  const [settled] = useDebouncedValue(query === null ? '' : JSON.stringify(query), pause);
  return useDuplicateSuggestions(villageCode, settled ? (JSON.parse(settled) as SuggestionQuery) : null);
}
