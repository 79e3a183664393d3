import type { SessionUser } from '@desmigratif/contracts';
import { lazy, Suspense } from 'react';
import { can } from '../../app/auth/permissions';

/**
 * The signed-in shell's sync pieces, loaded after the first screen: they bring IndexedDB (Dexie),
 * which the first paint does not need. Only roles that work with village records sync.
 */
const SyncStatus = lazy(() => import('./SyncIndicator').then((m) => ({ default: m.SyncStatus })));
const SyncLoopRunner = lazy(() => import('./useSyncLoop').then((m) => ({ default: m.SyncLoop })));

/** Header: signal, changes waiting, last sync, "Sinkronkan sekarang". */
export function SyncIndicator({ user }: { user: SessionUser }) {
  if (!can(user.role, 'viewMigration')) return null;
  return (
    <Suspense fallback={null}>
      <SyncStatus />
    </Suspense>
  );
}

/** Keeps the phone in sync while the officer is signed in. */
export function SyncLoop({ user }: { user: SessionUser }) {
  if (!can(user.role, 'viewMigration')) return null;
  return (
    <Suspense fallback={null}>
      <SyncLoopRunner user={user} />
    </Suspense>
  );
}
