import type { loginRequestSchema, loginResponseSchema, meResponseSchema } from '@desmigratif/contracts';
import type { z } from 'zod';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import { isNetworkError } from '../../offline/network';
import { afterSessionCheck, forgetTabUser, isStaleServerSession, serverSessionEnded } from '../../offline/tabSession';

/** The offline-login side (IndexedDB, WebCrypto), loaded when first needed: it stays out of the first screen's code. */
const offline = () => import('../../offline/session');

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
    if (isStaleServerSession(session.user.id)) {
      await api.post('/auth/logout');
      setCsrfToken(null);
      serverSessionEnded();
      return null;
    }
    afterSessionCheck(session.user);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      afterSessionCheck(null);
      return null;
    }
    if (isNetworkError(error)) {
      const user = await (await offline()).resumeOffline();
      return user ? { user, csrfToken: '' } : null;
    }
    throw error;
  }
}

/** Online when the server answers; without signal, against the verifier kept at the last online login. */
export async function login(request: LoginRequest): Promise<Session> {
  let session: z.infer<typeof loginResponseSchema>;
  try {
    session = await api.post<z.infer<typeof loginResponseSchema>>('/auth/login', request);
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    return { user: await (await offline()).offlineLogin(request.username, request.password), csrfToken: '' };
  }
  setCsrfToken(session.csrfToken);
  await (await offline()).afterOnlineLogin(request.username, request.password, session.user, session.offlineLoginDays);
  return { user: session.user, csrfToken: session.csrfToken };
}

/** Signs out. The outbox is kept: waiting changes are sent when their officer signs in again. */
export async function logout(): Promise<void> {
  let reachedServer = true;
  try {
    await api.post('/auth/logout');
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    reachedServer = false;
  } finally {
    setCsrfToken(null);
    forgetTabUser(reachedServer);
  }
}
