import type {
  createFamilyRequestSchema,
  Family,
  listFamiliesResponseSchema,
  updateFamilyRequestSchema,
} from '@desmigratif/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { peopleKeys } from '../people/api';

export type FamilyPage = z.infer<typeof listFamiliesResponseSchema>;
export type FamilyListItem = FamilyPage['items'][number];
export type CreateFamilyRequest = z.infer<typeof createFamilyRequestSchema>;
export type UpdateFamilyRequest = z.infer<typeof updateFamilyRequestSchema>;

const familyKeys = {
  all: ['families'] as const,
  list: (villageCode: string, q: string, page: number, pageSize: number) =>
    ['families', 'list', villageCode, q, page, pageSize] as const,
  family: (id: string) => ['families', 'family', id] as const,
};

export const familyPageSize = 20;

/** Families of a village, found by No. KK or a member's name. */
export function useFamilies(villageCode: string, q: string, page = 1, pageSize = familyPageSize) {
  return useQuery({
    queryKey: familyKeys.list(villageCode, q, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<FamilyPage>(`/villages/${villageCode}/families`, { q: q || undefined, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function familyQuery(id: string) {
  return queryOptions({
    queryKey: familyKeys.family(id),
    queryFn: ({ signal }) => api.get<Family>(`/families/${id}`, undefined, signal),
  });
}

export function useFamily(id: string | null) {
  return useQuery({ ...familyQuery(id ?? ''), enabled: Boolean(id) });
}

export function useCreateFamily(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateFamilyRequest) => api.post<Family>(`/villages/${villageCode}/families`, request),
    onSuccess: async (family) => {
      queryClient.setQueryData(familyKeys.family(family.id), family);
      await queryClient.invalidateQueries({ queryKey: familyKeys.all, predicate: (query) => query.queryKey[1] === 'list' });
    },
  });
}

/** A family's head, address or KK number changed: its members' pages show them too. */
export function useUpdateFamily(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateFamilyRequest) => api.patch<Family>(`/families/${id}`, request),
    onSuccess: async (family) => {
      queryClient.setQueryData(familyKeys.family(id), family);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: familyKeys.all, predicate: (query) => query.queryKey[1] === 'list' }),
        queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
      ]);
    },
  });
}

/**
 * A new member recorded as KEPALA KELUARGA becomes the head of a family that has none yet; a family that already
 * has a head keeps it (changing the head is a decision made on the family's page).
 */
export function useClaimFamilyHead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ familyId, personId }: { familyId: string; personId: string }) => {
      const family = await queryClient.fetchQuery({ ...familyQuery(familyId), staleTime: 0 });
      if (family.headPersonId) return family;
      return api.patch<Family>(`/families/${familyId}`, { headPersonId: personId, version: family.version });
    },
    onSuccess: async (family) => {
      queryClient.setQueryData(familyKeys.family(family.id), family);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
