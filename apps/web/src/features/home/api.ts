import type { RegencyHome, VillageHome } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const homeKeys = {
  village: (code: string) => ['home', 'village', code] as const,
  regency: (within: string | undefined) => ['home', 'regency', within ?? ''] as const,
};

/** The officer's day in one village (pillar 1). */
export function useVillageHome(villageCode: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: homeKeys.village(villageCode),
    queryFn: ({ signal }) => api.get<VillageHome>(`/villages/${villageCode}/home`, undefined, signal),
  });
}

/** The coordinator's regency: flags escalated from the villages, referred and overdue cases. */
export function useRegencyHome(within?: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: homeKeys.regency(within),
    queryFn: ({ signal }) => api.get<RegencyHome>('/home/regency', within ? { within } : undefined, signal),
  });
}

export function useMarkFollowUpDone(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: string) => api.post<{ ok: true }>(`/services/${serviceId}/follow-up-done`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: homeKeys.village(villageCode) }),
  });
}
