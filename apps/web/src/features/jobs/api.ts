import type {
  CreateJobOrderRequest,
  JobOrder,
  listJobOrdersResponseSchema,
  Sector,
  UpdateJobOrderRequest,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';

export type JobOrderPage = z.infer<typeof listJobOrdersResponseSchema>;

/** The list's filters as kept in the URL. */
export interface JobFilters {
  q?: string;
  country?: string;
  sector?: Sector;
  openOnly?: boolean;
  verified?: 'true' | 'false';
  page?: number;
}

export const jobPageSize = 20;

const jobKeys = {
  all: ['job-orders'] as const,
  list: (filters: JobFilters, pageSize: number) => ['job-orders', 'list', filters, pageSize] as const,
};

function queryOf(filters: JobFilters) {
  return {
    q: filters.q,
    country: filters.country,
    sector: filters.sector,
    openOnly: filters.openOnly ? 'true' : undefined,
    verified: filters.verified,
  };
}

export function jobExportUrl(filters: JobFilters): string {
  return buildUrl('/job-orders/export.xlsx', queryOf(filters));
}

export function useJobOrders(filters: JobFilters, pageSize = jobPageSize) {
  return useQuery({
    queryKey: jobKeys.list(filters, pageSize),
    queryFn: ({ signal }) => api.get<JobOrderPage>('/job-orders', { ...queryOf(filters), page: filters.page ?? 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveJobOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id?: string; create?: CreateJobOrderRequest; update?: UpdateJobOrderRequest }) =>
      request.id && request.update
        ? api.patch<JobOrder>(`/job-orders/${request.id}`, request.update)
        : api.post<JobOrder>('/job-orders', request.create),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useVerifyJobOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: Pick<JobOrder, 'id' | 'version'>) => api.post<JobOrder>(`/job-orders/${job.id}/verify`, { version: job.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
