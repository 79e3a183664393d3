import type {
  DismissDuplicateRequest,
  DuplicateSuggestionsResponse,
  listDuplicatesResponseSchema,
  MergeDuplicatesRequest,
  MergeDuplicatesResponse,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api';
import { peopleKeys } from '../api';
import type { SuggestionQuery } from './suggestionQuery';

export type DuplicatePage = z.infer<typeof listDuplicatesResponseSchema>;

export interface DuplicateFilters {
  within?: string;
  page?: number;
}

export const duplicatePageSize = 10;

const duplicateKeys = {
  all: ['people', 'duplicates'] as const,
  list: (filters: DuplicateFilters) => ['people', 'duplicates', filters] as const,
  suggestions: (villageCode: string, query: SuggestionQuery) =>
    ['people', 'duplicate-suggestions', villageCode, query] as const,
};

export function useDuplicates(filters: DuplicateFilters) {
  return useQuery({
    queryKey: duplicateKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<DuplicatePage>(
        '/people/duplicates',
        { within: filters.within, page: filters.page ?? 1, pageSize: duplicatePageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Likely duplicates of the person being typed; asked only when there is a name or a complete NIK to go on. */
export function useDuplicateSuggestions(villageCode: string, query: SuggestionQuery | null) {
  return useQuery({
    enabled: query !== null,
    queryKey: duplicateKeys.suggestions(villageCode, query ?? {}),
    queryFn: ({ signal }) =>
      api.get<DuplicateSuggestionsResponse>(
        `/villages/${villageCode}/people/duplicate-suggestions`,
        { ...query },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A pair resolved either way changes both records, every list that shows them, and the review list. */
function useResolve<Request, Response>(send: (request: Request) => Promise<Response>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useMergeDuplicates() {
  return useResolve((request: MergeDuplicatesRequest) =>
    api.post<MergeDuplicatesResponse>('/people/duplicates/merge', request),
  );
}

export function useDismissDuplicate() {
  return useResolve((request: DismissDuplicateRequest) => api.post<{ ok: true }>('/people/duplicates/dismiss', request));
}
