import type {
  CreatePlacementRequest,
  listPlacementsResponseSchema,
  Placement,
  PlacementState,
  RecordReturnRequest,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';
import { peopleKeys } from '../people/api';

export type PlacementPage = z.infer<typeof listPlacementsResponseSchema>;

export interface PlacementFilters {
  state?: PlacementState;
  country?: string;
  page?: number;
}

export const placementsPageSize = 25;

export const placementKeys = {
  person: (personId: string) => ['placements', 'person', personId] as const,
  village: (villageCode: string) => ['placements', 'village', villageCode] as const,
  list: (villageCode: string, filters: PlacementFilters) => ['placements', 'village', villageCode, filters] as const,
};

export function usePersonPlacements(personId: string) {
  return useQuery({
    queryKey: placementKeys.person(personId),
    queryFn: ({ signal }) => api.get<{ items: Placement[] }>(`/people/${personId}/placements`, undefined, signal),
  });
}

export function useVillagePlacements(villageCode: string, filters: PlacementFilters) {
  return useQuery({
    queryKey: placementKeys.list(villageCode, filters),
    queryFn: ({ signal }) =>
      api.get<PlacementPage>(`/villages/${villageCode}/placements`, { ...filters, page: filters.page ?? 1, pageSize: placementsPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A departure or return changes the person's migrant status too: their page and the lists are read again. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return async (placement: Placement) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: placementKeys.person(placement.personId) }),
      queryClient.invalidateQueries({ queryKey: placementKeys.village(placement.villageCode) }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.person(placement.personId) }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.village(placement.villageCode) }),
      queryClient.invalidateQueries({ queryKey: ['migration-plans'] }),
      queryClient.invalidateQueries({ queryKey: ['home'] }),
    ]);
  };
}

export function useRecordDeparture(personId: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: CreatePlacementRequest) => api.post<Placement>(`/people/${personId}/placements`, body),
    onSuccess: refresh,
  });
}

export function useRecordReturn(placementId: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: RecordReturnRequest) => api.post<Placement>(`/placements/${placementId}/return`, body),
    onSuccess: refresh,
  });
}

export const placementsExportUrl = (villageCode: string, filters: PlacementFilters) =>
  buildUrl(`/villages/${villageCode}/placements/export.xlsx`, { state: filters.state, country: filters.country });
