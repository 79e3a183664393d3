import type { SessionUser } from '@desmigratif/contracts';
import { useEffect, useRef } from 'react';
import { getCsrfToken } from '../../lib/api';
import { SYNC_INTERVAL_MS, type SyncUser } from '../../offline/engine';
import { syncEngine } from '../../offline/sync';
import { useAuth } from '../../app/auth/AuthContext';

/** Syncs now if there is signal, first fetching the CSRF token a session resumed without signal lacks. */
export async function syncWithSession(user: SyncUser, reload: () => Promise<void>): Promise<void> {
  if (!navigator.onLine) return;
  if (!getCsrfToken()) {
    await reload().catch(() => undefined);
    if (!getCsrfToken()) return;
  }
  await syncEngine.sync(user);
}

/**
 * Keeps the signed-in officer's phone in sync: at start, when the signal returns, when they come
 * back to the tab, and every minute while the app is open. Never only through Background Sync,
 * which most phones' browsers do not run.
 */
export function useSyncLoop(user: SessionUser): void {
  const { reload } = useAuth();
  // The session object changes when it is re-read (below); the loop restarts only for another officer.
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const { id, scopeCode, role } = user;
  useEffect(() => {
    let stopped = false;
    const run = async () => {
      if (!stopped) await syncWithSession({ id, scopeCode, role }, reloadRef.current);
    };
    const onOnline = () => {
      syncEngine.setOnline(true);
      void run();
    };
    const onOffline = () => syncEngine.setOnline(false);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    syncEngine.setOnline(navigator.onLine);
    void syncEngine.loadLastSync(id).then(run);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => void run(), SYNC_INTERVAL_MS);
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [id, scopeCode, role]);
}

/** Runs the sync loop for the signed-in officer (rendered once, inside the signed-in shell). */
export function SyncLoop({ user }: { user: SessionUser }): null {
  useSyncLoop(user);
  return null;
}
