import type { listSessionsResponseSchema } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type SessionList = z.infer<typeof listSessionsResponseSchema>;

const sessionsKey = ['account', 'sessions'] as const;

export function useOwnSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => api.get<SessionList>('/auth/sessions', undefined, signal) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/auth/sessions/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ revoked: number }>('/auth/sessions/revoke-others'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
