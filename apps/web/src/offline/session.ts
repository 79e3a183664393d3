import type { SessionUser } from '@desmigratif/contracts';
import i18n from 'i18next';
import { ApiError } from '../lib/api';
import { offlineDb } from './db';
import { isExpired, loginOffline, rememberLogin, verifierOf } from './offlineLogin';
import { requestPersistentStorage } from './storage';
import { afterOfflineLogin, afterSessionCheck, tabUserId } from './tabSession';

/** The offline-login side of signing in (IndexedDB, WebCrypto): loaded only when signing in or without signal. */

/** After the server accepted the password: keep a verifier for offline login and ask for lasting storage. */
export async function afterOnlineLogin(username: string, password: string, user: SessionUser, offlineLoginDays: number): Promise<void> {
  afterSessionCheck(user);
  void requestPersistentStorage();
  try {
    await rememberLogin(offlineDb(), username, user, password, offlineLoginDays);
  } catch {
    // No IndexedDB or WebCrypto (private mode, old browser): online login still works.
  }
}

/** Login without signal against the verifier of the last online login. */
export async function offlineLogin(username: string, password: string): Promise<SessionUser> {
  const result = await loginOffline(offlineDb(), username, password);
  if (!result.ok) throw new ApiError(0, 'OFFLINE_LOGIN_FAILED', i18n.t(`sync.login.${result.reason}`));
  afterOfflineLogin(result.user);
  return result.user;
}

/** This tab's user when the server cannot be reached, if their offline login has not expired. */
export async function resumeOffline(): Promise<SessionUser | null> {
  const userId = tabUserId();
  if (!userId) return null;
  const verifier = await verifierOf(offlineDb(), userId);
  return verifier && !isExpired(verifier) ? verifier.user : null;
}
