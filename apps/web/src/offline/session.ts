import type { SessionUser } from '@desmigratif/contracts';
import i18n from 'i18next';
import { ApiError } from '../lib/api';
import { offlineDb } from './db';
import { isExpired, loginOffline, rememberLogin, verifierOf } from './offlineLogin';
import { requestPersistentStorage } from './storage';

/**
 * The auth side of offline work. The tab remembers who is signed in (sessionStorage, gone when
 * the tab closes) so a reload without signal resumes the session instead of asking again.
 */
const tabUserKey = 'desmigratif.sessionUser';

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR';
}

function rememberTabUser(userId: string | null): void {
  try {
    if (userId) sessionStorage.setItem(tabUserKey, userId);
    else sessionStorage.removeItem(tabUserKey);
  } catch {
    // Storage blocked: an offline reload then asks for the password again, nothing worse.
  }
}

/** After the server accepted the password: keep a verifier for offline login and ask for lasting storage. */
export async function afterOnlineLogin(username: string, password: string, user: SessionUser): Promise<void> {
  rememberTabUser(user.id);
  void requestPersistentStorage();
  try {
    await rememberLogin(offlineDb(), username, user, password);
  } catch {
    // No IndexedDB or WebCrypto (private mode, old browser): online login still works.
  }
}

export function afterSessionCheck(user: SessionUser | null): void {
  rememberTabUser(user?.id ?? null);
}

/** Login without signal against the verifier of the last online login. */
export async function offlineLogin(username: string, password: string): Promise<SessionUser> {
  const result = await loginOffline(offlineDb(), username, password);
  if (!result.ok) throw new ApiError(0, 'OFFLINE_LOGIN_FAILED', i18n.t(`sync.login.${result.reason}`));
  rememberTabUser(result.user.id);
  return result.user;
}

/** This tab's user when the server cannot be reached, if their offline login has not expired. */
export async function resumeOffline(): Promise<SessionUser | null> {
  let userId: string | null = null;
  try {
    userId = sessionStorage.getItem(tabUserKey);
  } catch {
    return null;
  }
  if (!userId) return null;
  const verifier = await verifierOf(offlineDb(), userId);
  return verifier && !isExpired(verifier) ? verifier.user : null;
}

export function forgetTabUser(): void {
  rememberTabUser(null);
}
