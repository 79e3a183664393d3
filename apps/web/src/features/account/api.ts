import type { listSessionsResponseSchema, TotpStatus, totpReauthRequestSchema, totpSetupResponseSchema, User } from '@desmigratif/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type SessionList = z.infer<typeof listSessionsResponseSchema>;

const sessionsKey = ['account', 'sessions'] as const;

export function useOwnSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => api.get<SessionList>('/auth/sessions', undefined, signal) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/auth/sessions/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ revoked: number }>('/auth/sessions/revoke-others'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

// ---------------------------------------------------------------- two-factor sign-in (TOTP)

export type TotpSetup = z.infer<typeof totpSetupResponseSchema>;
export type Reauth = z.input<typeof totpReauthRequestSchema>;

const totpKey = ['account', 'totp'] as const;

export function useTotpStatus() {
  return useQuery({ queryKey: totpKey, queryFn: ({ signal }) => api.get<TotpStatus>('/auth/totp', undefined, signal) });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/auth/totp/setup') });
}

/** Switches two-factor on; the answer holds the recovery codes, shown once. */
export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<{ codes: string[] }>('/auth/totp/confirm', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account'] }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Reauth) => api.post<{ ok: true }>('/auth/totp/disable', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpKey }),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Reauth) => api.post<{ codes: string[] }>('/auth/totp/recovery-codes', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpKey }),
  });
}

/** An admin switches off another account's two-factor (its phone and recovery codes lost). */
export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<User>(`/users/${id}/totp/reset`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
