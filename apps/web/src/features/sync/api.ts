import type { ListSyncConflictsResponse, ResolveSyncConflictRequest, SyncConflict } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const conflictKeys = { all: ['sync', 'conflicts'] as const };

export function useConflicts() {
  return useQuery({
    queryKey: conflictKeys.all,
    queryFn: async ({ signal }) => (await api.get<ListSyncConflictsResponse>('/sync/conflicts', { status: 'terbuka' }, signal)).items,
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
