import type { listAuditResponseSchema, User } from '@desmigratif/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type AuditPage = z.infer<typeof listAuditResponseSchema>;

export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const auditPageSize = 25;

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      api.get<AuditPage>('/audit', { ...filters, page: filters.page ?? 1, pageSize: auditPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One account, to label the "who" filter when it comes from the address bar. */
export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: ({ signal }) => api.get<User>(`/users/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60 * 1000,
  });
}
