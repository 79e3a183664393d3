import type { Region, RegionLevel } from '@desmigratif/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** One step of the region tree: the region itself (null for the whole country) and what lies under it. */
export interface RegionNode {
  region: Region | null;
  children: Region[];
}

/** Kemendagri codes change once in years: keep them for the whole visit. */
const referenceData = { staleTime: Infinity, gcTime: 60 * 60 * 1000 } as const;

async function fetchRegionNode(code: string, signal: AbortSignal): Promise<RegionNode> {
  if (code === '') {
    const { items } = await api.get<{ items: Region[] }>('/regions', undefined, signal);
    return { region: null, children: items };
  }
  return api.get<RegionNode>(`/regions/${code}`, undefined, signal);
}

export function useRegionNode(code: string) {
  return useQuery({
    queryKey: ['regions', 'node', code],
    queryFn: ({ signal }) => fetchRegionNode(code, signal),
    ...referenceData,
  });
}

export interface RegionSearch {
  q: string;
  level?: RegionLevel;
  within?: string;
}

export const minSearchLength = 2;

export function useRegionSearch({ q, level, within }: RegionSearch) {
  const query = q.trim();
  return useQuery({
    queryKey: ['regions', 'search', query, level ?? '', within ?? ''],
    queryFn: ({ signal }) =>
      api.get<{ items: Region[] }>(
        '/regions/search',
        { q: query, level, within: within || undefined, limit: 20 },
        signal,
      ),
    enabled: query.length >= minSearchLength,
    placeholderData: keepPreviousData,
    ...referenceData,
  });
}
