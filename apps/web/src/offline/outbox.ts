import type { SyncMutationName, SyncTable } from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';
import { getMeta, setMeta, type LocalRow, type OfflineDb, type OutboxEntry, type OutboxStatus } from './db';

/**
 * The client id the server tracks sequences for. One per officer on this device, not one per
 * device: on a shared phone the second officer's pushes would otherwise advance the server's
 * `lastSeq` past the first officer's unsent changes, which would then be skipped as "already applied".
 */
export async function clientIdFor(db: OfflineDb, userId: string): Promise<string> {
  const key = `clientId:${userId}`;
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>(db, key);
    if (existing) return existing;
    const created = uuidv7();
    await setMeta(db, key, created);
    return created;
  });
}

export interface LocalWrite {
  userId: string;
  villageCode: string;
  name: SyncMutationName;
  table: SyncTable;
  /** The row as it should look on the device now. */
  row: LocalRow;
  /** The online route's body plus the ids it needs. */
  args: Record<string, unknown>;
  baseVersion?: string | null;
  base?: Record<string, unknown> | null;
}

/** Writes the local row and appends its mutation in ONE transaction: either both happen or neither. */
export async function writeLocally(db: OfflineDb, write: LocalWrite): Promise<OutboxEntry> {
  const clientId = await clientIdFor(db, write.userId);
  return db.transaction('rw', [db[write.table], db.outbox, db.meta], async () => {
    const seqKey = `seq:${clientId}`;
    const seq = ((await getMeta<number>(db, seqKey)) ?? 0) + 1;
    await setMeta(db, seqKey, seq);
    const entry: OutboxEntry = {
      id: uuidv7(),
      clientId,
      seq,
      name: write.name,
      args: write.args,
      baseVersion: write.baseVersion ?? null,
      base: write.base ?? null,
      createdAt: new Date().toISOString(),
      userId: write.userId,
      villageCode: write.villageCode,
      table: write.table,
      recordId: write.row.id,
      status: 'waiting',
    };
    await db[write.table].put(write.row);
    await db.outbox.add(entry);
    return entry;
  });
}

/** The officer's changes still to send, oldest first (the server applies them in this order). */
export async function waitingFor(db: OfflineDb, userId: string, limit: number): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('[userId+status]').equals([userId, 'waiting']).toArray();
  return sortBySeq(entries).slice(0, limit);
}

export function sortBySeq<T extends { seq: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

export function countWaiting(db: OfflineDb, userId: string): Promise<number> {
  return db.outbox.where('[userId+status]').equals([userId, 'waiting']).count();
}

/** Statuses worse than 'sent' win: one rejected change among sent ones must stay visible. */
const badgeWeight: Record<OutboxStatus, number> = { sent: 0, waiting: 1, conflict: 2, rejected: 3 };

export function badgeFor(entries: readonly OutboxEntry[]): OutboxStatus | null {
  let status: OutboxStatus | null = null;
  for (const entry of entries) if (status === null || badgeWeight[entry.status] > badgeWeight[status]) status = entry.status;
  return status;
}
