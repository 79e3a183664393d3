import type {
  CreateServiceRequest,
  listServicesResponseSchema,
  MigrationService,
  serviceSummaryResponseSchema,
  ServiceType,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../lib/api';

export type ServicesPage = z.infer<typeof listServicesResponseSchema>;
export type ServiceSummary = z.infer<typeof serviceSummaryResponseSchema>;

export interface ServiceFilters {
  month?: string;
  serviceType?: ServiceType;
  page?: number;
}

export const servicesPageSize = 25;

export const serviceKeys = {
  village: (villageCode: string) => ['services', villageCode] as const,
  list: (villageCode: string, filters: ServiceFilters) => ['services', villageCode, 'list', filters] as const,
  summary: (villageCode: string, year: number) => ['services', villageCode, 'summary', year] as const,
};

export function useServices(villageCode: string, filters: ServiceFilters) {
  return useQuery({
    queryKey: serviceKeys.list(villageCode, filters),
    queryFn: ({ signal }) =>
      api.get<ServicesPage>(
        `/villages/${villageCode}/services`,
        { month: filters.month, serviceType: filters.serviceType, page: filters.page ?? 1, pageSize: servicesPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useServiceSummary(villageCode: string, year: number) {
  return useQuery({
    queryKey: serviceKeys.summary(villageCode, year),
    queryFn: ({ signal }) => api.get<ServiceSummary>(`/villages/${villageCode}/services/summary`, { year }, signal),
  });
}

export function useCreateService(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateServiceRequest) => api.post<MigrationService>(`/villages/${villageCode}/services`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.village(villageCode) }),
  });
}

export const servicesExportUrl = (villageCode: string, filters: ServiceFilters) =>
  buildUrl(`/villages/${villageCode}/services/export.xlsx`, { month: filters.month, serviceType: filters.serviceType });
