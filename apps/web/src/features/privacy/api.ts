import type {
  AccessLogResponse,
  BreachReport,
  CreateDataSubjectRequest,
  DataSubjectRequest,
  DataSubjectRequestStatus,
  DataSubjectRequestTransition,
  EraseDataRequest,
  ErasurePreview,
  ExpiredConsent,
  RetentionPurgeResponse,
  RetentionRule,
  UpdateRetentionRule,
  listDataSubjectRequestsResponseSchema,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';
import { peopleKeys } from '../people/api';
import { placementKeys } from '../placements/api';

export type RequestPage = z.infer<typeof listDataSubjectRequestsResponseSchema>;

export interface AccessLogFilters {
  reads?: 'true';
  page?: number;
}

export interface RequestFilters {
  status?: DataSubjectRequestStatus;
  personId?: string;
  page?: number;
}

export interface BreachFilters {
  userId?: string;
  from?: string;
  to?: string;
}

export const accessLogPageSize = 50;
export const requestsPageSize = 25;

export const privacyKeys = {
  accessLog: (personId: string, filters: AccessLogFilters) => ['privacy', 'access-log', personId, filters] as const,
  requests: (villageCode: string, filters: RequestFilters) => ['privacy', 'requests', villageCode, filters] as const,
  expiredConsents: (villageCode: string) => ['privacy', 'expired-consents', villageCode] as const,
  erasurePreview: (requestId: string) => ['privacy', 'erasure-preview', requestId] as const,
  retention: ['privacy', 'retention'] as const,
  breach: (filters: BreachFilters) => ['privacy', 'breach', filters] as const,
};

export function useAccessLog(personId: string, filters: AccessLogFilters) {
  return useQuery({
    queryKey: privacyKeys.accessLog(personId, filters),
    queryFn: ({ signal }) =>
      api.get<AccessLogResponse>(`/people/${personId}/access-log`, { readsOnly: filters.reads, page: filters.page ?? 1, pageSize: accessLogPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The person's full data, downloaded by the browser (the server audits each download). */
export const personDataUrl = (personId: string, format: 'json' | 'xlsx') => buildUrl(`/people/${personId}/data-export.${format}`);

export function useDataRequests(villageCode: string, filters: RequestFilters) {
  return useQuery({
    queryKey: privacyKeys.requests(villageCode, filters),
    queryFn: ({ signal }) =>
      api.get<RequestPage>(`/villages/${villageCode}/data-subject-requests`, { ...filters, page: filters.page ?? 1, pageSize: requestsPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDataRequest(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDataSubjectRequest) => api.post<DataSubjectRequest>(`/villages/${villageCode}/data-subject-requests`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy', 'requests', villageCode] }),
  });
}

export function useMoveDataRequest(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DataSubjectRequestTransition & { id: string }) => api.post<DataSubjectRequest>(`/data-subject-requests/${id}/transitions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy', 'requests', villageCode] }),
  });
}

/** What an erasure request may erase and what the law keeps; fetched when the officer opens the erasure step. */
export function useErasurePreview(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: privacyKeys.erasurePreview(requestId),
    queryFn: ({ signal }) => api.get<ErasurePreview>(`/data-subject-requests/${requestId}/erasure-preview`, undefined, signal),
    enabled,
    // Counts must be those of the moment of choosing, not of an earlier look.
    staleTime: 0,
  });
}

/** Erases the chosen data and closes the request; the person's page and the consent lists change with it. */
export function useEraseForRequest(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EraseDataRequest & { id: string }) => api.post<DataSubjectRequest>(`/data-subject-requests/${id}/erasure`, body),
    // Everything that may show erased data: the requests, the person, their plans (scans), visits and placements.
    onSuccess: (done) =>
      Promise.all(
        [['privacy'], peopleKeys.person(done.personId), ['migration-plans'], ['services', villageCode], placementKeys.person(done.personId)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useExpiredConsents(villageCode: string) {
  return useQuery({
    queryKey: privacyKeys.expiredConsents(villageCode),
    queryFn: ({ signal }) => api.get<{ items: ExpiredConsent[] }>(`/villages/${villageCode}/expired-consents`, undefined, signal),
  });
}

export function useRetentionRules() {
  return useQuery({
    queryKey: privacyKeys.retention,
    queryFn: ({ signal }) => api.get<{ items: RetentionRule[] }>('/privacy/retention-rules', undefined, signal),
  });
}

export function useUpdateRetentionRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordType, ...body }: UpdateRetentionRule & { recordType: string }) => api.put<RetentionRule>(`/privacy/retention-rules/${recordType}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyKeys.retention }),
  });
}

export function usePurgeImportRejects() {
  return useMutation({ mutationFn: () => api.post<RetentionPurgeResponse>('/privacy/retention-rules/import-rejects/purge') });
}

export function useBreachReport(filters: BreachFilters) {
  const ready = Boolean(filters.userId && filters.from && filters.to);
  return useQuery({
    queryKey: privacyKeys.breach(filters),
    queryFn: ({ signal }) => api.get<BreachReport>('/privacy/breach-report', { ...filters }, signal),
    enabled: ready,
  });
}

export const breachReportXlsxUrl = (filters: Required<BreachFilters>) => buildUrl('/privacy/breach-report.xlsx', { ...filters });
