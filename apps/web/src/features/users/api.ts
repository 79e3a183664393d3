import type {
  CreateUserRequest,
  listUsersResponseSchema,
  Role,
  updateUserRequestSchema,
  User,
} from '@desmigratif/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type UserPage = z.infer<typeof listUsersResponseSchema>;
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

export interface UserFilters {
  q?: string;
  role?: Role;
  scopeCode?: string;
  page?: number;
}

export const userPageSize = 25;

export function useUsers(filters: UserFilters, pageSize = userPageSize) {
  return useQuery({
    queryKey: ['users', filters, pageSize],
    queryFn: ({ signal }) => api.get<UserPage>('/users', { ...filters, page: filters.page ?? 1, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => api.post<User>('/users', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateUserRequest & { id: string }) => api.patch<User>(`/users/${id}`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Ends every session of an account in the manager's scope (a lost phone), without disabling it. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ revoked: number }>(`/users/${id}/sessions/revoke`),
  });
}
