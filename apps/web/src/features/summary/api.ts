import type { programSummaryResponseSchema, targetSchema } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type ProgramSummary = z.infer<typeof programSummaryResponseSchema>;
export type SummaryRow = ProgramSummary['rows'][number];
export type Target = z.infer<typeof targetSchema>;

export function useProgramSummary(within: string) {
  return useQuery({
    queryKey: ['program', 'summary', within],
    queryFn: ({ signal }) => api.get<ProgramSummary>('/program/summary', { within: within || undefined }, signal),
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ['program', 'targets'],
    queryFn: ({ signal }) => api.get<{ items: Target[] }>('/program/targets', undefined, signal),
  });
}

export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, target }: Target) => api.put<Target>(`/program/targets/${year}`, { target }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['program'] }),
  });
}
