import type { SessionUser } from '@desmigratif/contracts';

/**
 * Who is signed in, as this browser remembers it (no IndexedDB here: this runs on every start).
 * - this tab's officer (sessionStorage, gone when the tab closes): a reload without signal resumes them;
 * - whether they signed in without signal (the server has not seen them yet);
 * - an officer who signed out without signal (localStorage): their server session cookie still
 *   lives and must be ended as soon as the server can be reached.
 */
const tabUserKey = 'desmigratif.sessionUser';
const offlineTabUserKey = 'desmigratif.offlineSessionUser';
const pendingLogoutKey = 'desmigratif.pendingLogout';

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value) storage().setItem(key, value);
    else storage().removeItem(key);
  } catch {
    // Storage blocked: the worst case is asking for the password again.
  }
}

export function tabUserId(): string | null {
  return read(() => sessionStorage, tabUserKey);
}

/** The server confirmed this user (login or session check): nothing offline is pending for the tab. */
export function afterSessionCheck(user: Pick<SessionUser, 'id'> | null): void {
  write(() => sessionStorage, tabUserKey, user?.id ?? null);
  write(() => sessionStorage, offlineTabUserKey, null);
  if (user) write(() => localStorage, pendingLogoutKey, null);
}

export function afterOfflineLogin(user: Pick<SessionUser, 'id'>): void {
  write(() => sessionStorage, tabUserKey, user.id);
  write(() => sessionStorage, offlineTabUserKey, user.id);
  // The same officer again: the server session left by their offline sign-out is theirs to keep.
  if (read(() => localStorage, pendingLogoutKey) === user.id) write(() => localStorage, pendingLogoutKey, null);
}

/**
 * Whether the server's session must be ended instead of used: someone signed out without signal
 * (the cookie outlived them), or this tab belongs to another officer who signed in offline —
 * on a shared phone, signal returning must never hand one officer's session to another.
 */
export function isStaleServerSession(serverUserId: string): boolean {
  const offlineUser = read(() => sessionStorage, offlineTabUserKey);
  const pendingLogout = read(() => localStorage, pendingLogoutKey);
  return (offlineUser !== null && offlineUser !== serverUserId) || pendingLogout === serverUserId;
}

export function serverSessionEnded(): void {
  write(() => localStorage, pendingLogoutKey, null);
  write(() => sessionStorage, offlineTabUserKey, null);
  write(() => sessionStorage, tabUserKey, null);
}

/** Signing out: without signal, remember to end the server session once it can be reached. */
export function forgetTabUser(reachedServer: boolean): void {
  const userId = tabUserId();
  if (!reachedServer && userId) write(() => localStorage, pendingLogoutKey, userId);
  write(() => sessionStorage, offlineTabUserKey, null);
  write(() => sessionStorage, tabUserKey, null);
}
