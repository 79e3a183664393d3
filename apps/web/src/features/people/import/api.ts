import type {
  ImportJob,
  ImportJobStatus,
  listImportJobsResponseSchema,
  listImportRejectsResponseSchema,
} from '@desmigratif/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl, uploadFile, type Upload } from '../../../lib/api';

export type ImportJobPage = z.infer<typeof listImportJobsResponseSchema>;
export type ImportRejectPage = z.infer<typeof listImportRejectsResponseSchema>;

export const importKeys = {
  jobs: (villageCode: string) => ['people', 'imports', villageCode] as const,
  job: (id: string) => ['people', 'import', id] as const,
  rejects: (id: string, page: number) => ['people', 'import', id, 'rejects', page] as const,
};

const running: readonly ImportJobStatus[] = ['antri', 'berjalan'];

export function isRunning(job: ImportJob): boolean {
  return running.includes(job.status);
}

/** Polls a job every second while it waits or runs; stops once it is done or failed. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: ({ signal }) => api.get<ImportJob>(`/people/imports/${id}`, undefined, signal),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : 1000),
    staleTime: 0,
  });
}

export const importHistorySize = 10;

export function useImportJobs(villageCode: string, page: number) {
  return useQuery({
    queryKey: [...importKeys.jobs(villageCode), page],
    queryFn: ({ signal }) =>
      api.get<ImportJobPage>(
        `/villages/${villageCode}/people/imports`,
        { page, pageSize: importHistorySize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export const rejectPageSize = 20;

export function useImportRejects(id: string, page: number, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: importKeys.rejects(id, page),
    queryFn: ({ signal }) =>
      api.get<ImportRejectPage>(`/people/imports/${id}/rejects`, { page, pageSize: rejectPageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function rejectsDownloadUrl(id: string): string {
  return buildUrl(`/people/imports/${id}/rejects.xlsx`);
}

/** Uploads a workbook or CSV for the village; the server checks it and answers with the queued job. */
export function uploadImport(villageCode: string, file: File, onProgress: (fraction: number) => void): Upload<ImportJob> {
  return uploadFile<ImportJob>(`/villages/${villageCode}/people/imports`, file, { onProgress });
}
