import { syncTables } from '@desmigratif/contracts';
import type { OfflineDb } from './db';

export interface DeviceData {
  /** The signed-in officer's changes not yet sent: lost if the data is cleared. */
  ownWaiting: number;
  /** Other officers' changes on this phone not yet sent: always kept. */
  othersWaiting: number;
  /** Village records kept on the phone. */
  rows: number;
}

export async function describeDeviceData(db: OfflineDb, userId: string): Promise<DeviceData> {
  return db.transaction('r', [db.outbox, ...syncTables.map((table) => db[table])], async () => {
    const waiting = await db.outbox.filter((entry) => entry.status === 'waiting').toArray();
    const ownWaiting = waiting.filter((entry) => entry.userId === userId).length;
    const counts = await Promise.all(syncTables.map((table) => db[table].count()));
    return { ownWaiting, othersWaiting: waiting.length - ownWaiting, rows: counts.reduce((a, b) => a + b, 0) };
  });
}

/**
 * What meta keys survive a clear: each officer's client id and sequence (a sequence that started
 * again at 1 would be skipped by the server as already applied), the temporary NIK counters (a
 * number once given is never given again) and the offline-login verifiers (a salted hash, no
 * village data). Cursors and last-sync times go: with the rows gone, the next pull must start over.
 */
const keptMeta = /^(clientId|seq|tempNik|login):/;

/**
 * "Hapus data di perangkat ini": removes the village copy and the signed-in officer's own changes
 * (the screen asks first when some still wait). Other officers' changes — and the records they
 * point to — stay: on a shared phone nobody can wipe someone else's unsent work.
 */
export async function clearDeviceData(db: OfflineDb, userId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta, ...syncTables.map((table) => db[table])], async () => {
    const others = await db.outbox.filter((entry) => entry.userId !== userId).toArray();
    await db.outbox.filter((entry) => entry.userId === userId).delete();
    for (const table of syncTables) {
      const keep = new Set(others.filter((entry) => entry.table === table).map((entry) => entry.recordId));
      await db[table].filter((row) => !keep.has(row.id)).delete();
    }
    await db.meta.filter((entry) => !keptMeta.test(entry.key)).delete();
  });
}
