import type {
  Agency,
  AgencyImportResult,
  CreateAgencyRequest,
  listAgenciesResponseSchema,
  UpdateAgencyRequest,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, uploadFile } from '../../lib/api';

export type AgencyPage = z.infer<typeof listAgenciesResponseSchema>;

export interface AgencyFilters {
  q?: string;
  page?: number;
}

export const agencyPageSize = 20;
export const agencyExportUrl = buildUrl('/agencies/export.xlsx');

const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters, pageSize: number) => ['agencies', 'list', filters, pageSize] as const,
};

export function useAgencies(filters: AgencyFilters, pageSize = agencyPageSize) {
  return useQuery({
    queryKey: agencyKeys.list(filters, pageSize),
    queryFn: ({ signal }) => api.get<AgencyPage>('/agencies', { q: filters.q, page: filters.page ?? 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id?: string; create?: CreateAgencyRequest; update?: UpdateAgencyRequest }) =>
      request.id && request.update
        ? api.patch<Agency>(`/agencies/${request.id}`, request.update)
        : api.post<Agency>('/agencies', request.create),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}

export function useImportAgencies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<AgencyImportResult>('/agencies/import', file).done,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
