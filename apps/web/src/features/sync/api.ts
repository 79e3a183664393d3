import type { ResolveSyncConflictRequest, SyncConflict } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const conflictKeys = { all: ['sync', 'conflicts'] as const };

/** The list answer is `{ items }`; a bare array is read the same way. */
function itemsOf(body: SyncConflict[] | { items: SyncConflict[] }): SyncConflict[] {
  return Array.isArray(body) ? body : body.items;
}

export function useConflicts() {
  return useQuery({
    queryKey: conflictKeys.all,
    queryFn: async ({ signal }) =>
      itemsOf(await api.get<SyncConflict[] | { items: SyncConflict[] }>('/sync/conflicts', { status: 'terbuka' }, signal)),
  });
}

export function useResolveConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: ResolveSyncConflictRequest }) =>
      api.post<SyncConflict>(`/sync/conflicts/${id}/resolve`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conflictKeys.all }),
  });
}
