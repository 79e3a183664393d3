import type { loginRequestSchema, meResponseSchema } from '@desmigratif/contracts';
import type { z } from 'zod';
import { ApiError, api, setCsrfToken } from '../../lib/api';

export type Session = z.infer<typeof meResponseSchema>;
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const sessionQueryKey = ['auth', 'session'] as const;

/** The signed-in user and CSRF token, or null when there is no session. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(request: LoginRequest): Promise<Session> {
  const session = await api.post<Session>('/auth/login', request);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}
