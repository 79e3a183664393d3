import type {
  EnrollVillageRequest,
  listProgramVillagesResponseSchema,
  ProgramVillage,
  ProgramVillageStatus,
  UpdateVillageRequest,
} from '@desmigratif/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type ProgramVillagePage = z.infer<typeof listProgramVillagesResponseSchema>;

export interface VillageFilters {
  within?: string;
  cohortYear?: number;
  status?: ProgramVillageStatus;
  q?: string;
  page?: number;
}

export const villagePageSize = 20;

const programKeys = {
  all: ['program'] as const,
  villages: (filters: VillageFilters, pageSize: number) => ['program', 'villages', filters, pageSize] as const,
  village: (code: string) => ['program', 'village', code] as const,
};

export function useProgramVillages(filters: VillageFilters, pageSize = villagePageSize, enabled = true) {
  return useQuery({
    enabled,
    queryKey: programKeys.villages(filters, pageSize),
    queryFn: ({ signal }) =>
      api.get<ProgramVillagePage>('/program/villages', { ...filters, page: filters.page ?? 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function programVillageQuery(code: string) {
  return queryOptions({
    queryKey: programKeys.village(code),
    queryFn: ({ signal }) => api.get<ProgramVillage>(`/program/villages/${code}`, undefined, signal),
  });
}

export function useProgramVillage(code: string, enabled = true) {
  return useQuery({ ...programVillageQuery(code), enabled });
}

export function useEnrollVillage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: EnrollVillageRequest) => api.post<ProgramVillage>('/program/villages', request),
    onSuccess: async (village) => {
      queryClient.setQueryData(programKeys.village(village.villageCode), village);
      await queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
  });
}

export function useUpdateVillage(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateVillageRequest) => api.patch<ProgramVillage>(`/program/villages/${code}`, request),
    onSuccess: async (village) => {
      queryClient.setQueryData(programKeys.village(code), village);
      await queryClient.invalidateQueries({
        queryKey: programKeys.all,
        predicate: (query) => query.queryKey[1] !== 'village',
      });
    },
  });
}
