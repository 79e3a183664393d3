import { syncTables, type SyncMutation, type SyncTable } from '@desmigratif/contracts';
import Dexie, { type Table } from 'dexie';

/**
 * The officer's phone-side copy of their village (issue 5): one table per synced server table,
 * the outbox of changes not yet confirmed by the server, and small device facts in `meta`.
 */

/** A server row as pulled (column names in snake_case), or one made on this device. */
export interface LocalRow {
  id: string;
  village_code: string;
  /** The server's version; '0' for a row made offline that the server has not sent back yet. */
  version: string;
  [column: string]: unknown;
}

export const outboxStatuses = ['waiting', 'sent', 'conflict', 'rejected'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** One change made on this device, as sent to `POST /sync/push`, plus what the device needs to track it. */
export interface OutboxEntry extends SyncMutation {
  /** Whose change it is: on a shared phone only the signed-in officer's own changes are pushed. */
  userId: string;
  villageCode: string;
  table: SyncTable;
  recordId: string;
  status: OutboxStatus;
  /** The server's Indonesian reason for a rejected change, kept for the officer. */
  reason?: string;
  conflictId?: string;
  /** When the server answered (ISO). */
  settledAt?: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type OfflineDb = Dexie & { outbox: Table<OutboxEntry, string>; meta: Table<MetaEntry, string> } & {
  [table in SyncTable]: Table<LocalRow, string>;
};

export function createOfflineDb(name = 'desmigratif'): OfflineDb {
  const db = new Dexie(name) as OfflineDb;
  db.version(1).stores({
    ...Object.fromEntries(syncTables.map((table) => [table, 'id, village_code'])),
    outbox: 'id, [userId+seq], [userId+status], recordId, villageCode',
    meta: 'key',
  });
  return db;
}

let shared: OfflineDb | null = null;

/** The app's one database, opened on first use (never at import: unit tests run without IndexedDB). */
export function offlineDb(): OfflineDb {
  shared ??= createOfflineDb();
  return shared;
}

export async function getMeta<T>(db: OfflineDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: OfflineDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
