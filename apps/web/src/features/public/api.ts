import type {
  AgencyCheckResponse,
  publicCentresResponseSchema,
  publicJobOrdersResponseSchema,
  UpdateCentreRequest,
  VillageCentre,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** The public page's API: no login, no personal data. */

export type PublicJobPage = z.infer<typeof publicJobOrdersResponseSchema>;
export type PublicCentres = z.infer<typeof publicCentresResponseSchema>;

export function usePublicJobs(pageSize: number) {
  return useQuery({
    queryKey: ['public', 'job-orders', pageSize],
    queryFn: ({ signal }) => api.get<PublicJobPage>('/public/job-orders', { pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAgencyCheck(q: string) {
  return useQuery({
    enabled: q.length >= 3,
    queryKey: ['public', 'agency-check', q],
    queryFn: ({ signal }) => api.get<AgencyCheckResponse>('/public/agencies/check', { q }, signal),
  });
}

export function usePublicCentres(q: string) {
  return useQuery({
    enabled: q.length >= 2,
    queryKey: ['public', 'centres', q],
    queryFn: ({ signal }) => api.get<PublicCentres>('/public/centres', { q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicCentre(villageCode: string | undefined) {
  return useQuery({
    enabled: Boolean(villageCode),
    queryKey: ['public', 'centre', villageCode],
    queryFn: ({ signal }) => api.get<VillageCentre>(`/public/centres/${villageCode}`, undefined, signal),
    retry: false,
  });
}

export function useUpdateCentre(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateCentreRequest) => api.patch<VillageCentre & { version: string }>(`/program/villages/${villageCode}/centre`, request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['program'] });
      await queryClient.invalidateQueries({ queryKey: ['public', 'centre', villageCode] });
    },
  });
}
