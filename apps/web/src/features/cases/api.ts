import type {
  CaseDetail,
  CaseStatus,
  CaseTransitionRequest,
  CaseType,
  CreateCaseRequest,
  listCasesResponseSchema,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';

export type CasePage = z.infer<typeof listCasesResponseSchema>;

export interface CaseFilters {
  status?: CaseStatus;
  type?: CaseType;
  overdue?: 'true';
  open?: 'true';
  page?: number;
}

export const casesPageSize = 25;

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

/** Everyone's list is their own scope: a village user's village, a coordinator's regency, the ministry's country. */
export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ signal }) => api.get<CasePage>('/cases', { ...filters, page: filters.page ?? 1, pageSize: casesPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal),
  });
}

/** After any write the case's answer is the new truth; the lists (and the home page's counts) are read again. */
function useStoreCase() {
  const queryClient = useQueryClient();
  return async (detail: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['home'] });
  };
}

export function useCreateCase(villageCode: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: CreateCaseRequest) => api.post<CaseDetail>(`/villages/${villageCode}/cases`, body),
    onSuccess: store,
  });
}

export function useMoveCase(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (body: CaseTransitionRequest) => api.post<CaseDetail>(`/cases/${id}/transitions`, body),
    onSuccess: store,
  });
}

export function useAddCaseNote(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (note: string) => api.post<CaseDetail>(`/cases/${id}/notes`, { note }),
    onSuccess: store,
  });
}

export const casesExportUrl = (filters: CaseFilters) =>
  buildUrl('/cases/export.xlsx', { status: filters.status, type: filters.type, overdue: filters.overdue, open: filters.open });
