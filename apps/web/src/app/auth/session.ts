import type { loginRequestSchema, meResponseSchema } from '@desmigratif/contracts';
import type { z } from 'zod';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import { afterOnlineLogin, afterSessionCheck, forgetTabUser, isNetworkError, offlineLogin, resumeOffline } from '../../offline/session';

export type Session = z.infer<typeof meResponseSchema>;
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const sessionQueryKey = ['auth', 'session'] as const;

/**
 * The signed-in user and CSRF token, or null when there is no session. Without signal, this tab's
 * user resumes from the offline login (no CSRF token until the server is reached again).
 */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    afterSessionCheck(session.user);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      afterSessionCheck(null);
      return null;
    }
    if (isNetworkError(error)) {
      const user = await resumeOffline();
      return user ? { user, csrfToken: '' } : null;
    }
    throw error;
  }
}

/** Online when the server answers; without signal, against the verifier kept at the last online login. */
export async function login(request: LoginRequest): Promise<Session> {
  let session: Session;
  try {
    session = await api.post<Session>('/auth/login', request);
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    return { user: await offlineLogin(request.username, request.password), csrfToken: '' };
  }
  setCsrfToken(session.csrfToken);
  await afterOnlineLogin(request.username, request.password, session.user);
  return session;
}

/** Signs out. The outbox is kept: waiting changes are sent when their officer signs in again. */
export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } catch (error) {
    if (!isNetworkError(error)) throw error;
  } finally {
    setCsrfToken(null);
    forgetTabUser();
  }
}
