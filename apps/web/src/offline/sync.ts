import { useSyncExternalStore } from 'react';
import { offlineDb } from './db';
import { SyncEngine, type SyncState } from './engine';

/** The app's one sync engine (one sync at a time across every screen). */
export const syncEngine = new SyncEngine(offlineDb);

export function useSyncState(): SyncState {
  return useSyncExternalStore(syncEngine.subscribe, syncEngine.getState);
}
