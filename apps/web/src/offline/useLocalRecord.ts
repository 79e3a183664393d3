import type { SyncTable } from '@desmigratif/contracts';
import { offlineDb, type LocalRow } from './db';
import { useLiveQuery } from './useLiveQuery';

/** One record as kept on the phone (undefined while reading or when the phone does not have it). */
export function useLocalRecord(table: SyncTable, id: string): LocalRow | undefined {
  return useLiveQuery(() => offlineDb()[table].get(id), [table, id]);
}
