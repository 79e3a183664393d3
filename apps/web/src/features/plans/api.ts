import type {
  Agency,
  CreateMigrationPlanRequest,
  DocumentKind,
  listAgenciesResponseSchema,
  listMigrationPlansResponseSchema,
  MigrationPlanDetail,
  PlanLettersResponse,
  PlanStatus,
  PutMigrationDocumentRequest,
  UpdateMigrationPlanRequest,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, buildUrl, toApiError, uploadFile } from '../../lib/api';

export type PlanList = z.infer<typeof listMigrationPlansResponseSchema>;
export type PlanListItem = PlanList['items'][number];
export type AgencyPage = z.infer<typeof listAgenciesResponseSchema>;

export interface PlanFilters {
  flagged?: 'true' | 'false';
  ready?: 'true' | 'false';
  status?: PlanStatus;
}

export const planKeys = {
  village: (villageCode: string) => ['migration-plans', 'village', villageCode] as const,
  list: (villageCode: string, filters: PlanFilters) => ['migration-plans', 'village', villageCode, filters] as const,
  plan: (id: string) => ['migration-plans', id] as const,
  letters: (id: string) => ['migration-plans', id, 'letters'] as const,
};

export function usePlans(villageCode: string, filters: PlanFilters, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(villageCode, filters),
    queryFn: ({ signal }) => api.get<PlanList>(`/villages/${villageCode}/migration-plans`, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function planQuery(id: string) {
  return {
    queryKey: planKeys.plan(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MigrationPlanDetail>(`/migration-plans/${id}`, undefined, signal),
  };
}

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

/** After any write the plan's answer is the new truth; the village list is judged again. */
function useStorePlan() {
  const queryClient = useQueryClient();
  return async (plan: MigrationPlanDetail) => {
    queryClient.setQueryData(planKeys.plan(plan.id), plan);
    await queryClient.invalidateQueries({ queryKey: planKeys.village(plan.villageCode) });
  };
}

export function useCreatePlan(personId: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: CreateMigrationPlanRequest) => api.post<MigrationPlanDetail>(`/people/${personId}/migration-plans`, body),
    onSuccess: store,
  });
}

export function useUpdatePlan(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: UpdateMigrationPlanRequest) => api.patch<MigrationPlanDetail>(`/migration-plans/${id}`, body),
    onSuccess: store,
  });
}

export function usePutDocument(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: DocumentKind; body: PutMigrationDocumentRequest }) =>
      api.put<MigrationPlanDetail>(`/migration-plans/${id}/documents/${kind}`, body),
    onSuccess: store,
  });
}

export function useUploadScan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: DocumentKind; file: File }) =>
      uploadFile(`/migration-plans/${id}/documents/${kind}/scan`, file).done,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.plan(id) }),
  });
}

export const scanUrl = (id: string, kind: DocumentKind) => buildUrl(`/migration-plans/${id}/documents/${kind}/scan`);

export function usePlanLetters(id: string) {
  return useQuery({
    queryKey: planKeys.letters(id),
    queryFn: ({ signal }) => api.get<PlanLettersResponse>(`/migration-plans/${id}/letters`, undefined, signal),
  });
}

export type LetterRequest = { kind: 'izin-keluarga' | 'rekomendasi-desa'; familyMemberId?: string };

/**
 * Issues a letter and hands the PDF to the browser as a download. Fetched rather than linked so that a refusal
 * (no village head recorded, a relative who may not sign) shows as the usual Indonesian message on the page.
 */
export function useIssueLetter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, familyMemberId }: LetterRequest) => {
      let response: Response;
      try {
        response = await fetch(buildUrl(`/migration-plans/${id}/letters/${kind}.pdf`, { familyMemberId }), { credentials: 'include' });
      } catch {
        throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
      }
      if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${kind}.pdf`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.letters(id) }),
  });
}

export const plansExportUrl = (villageCode: string, filters: PlanFilters) =>
  buildUrl(`/villages/${villageCode}/migration-plans/export.xlsx`, { ...filters });

export function useAgencySearch(q: string) {
  return useQuery({
    queryKey: ['agencies', 'search', q],
    queryFn: ({ signal }) => api.get<AgencyPage>('/agencies', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}
export type { Agency };
