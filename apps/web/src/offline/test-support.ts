import { v7 as uuidv7 } from 'uuid';
import { afterEach } from 'vitest';
import { createOfflineDb, type OfflineDb } from './db';
import type { LocalWrite } from './outbox';

/** Shared by the offline unit tests (which load fake-indexeddb first). */
export const testVillage = '3212162004';

/** A fresh database per call, deleted after each test. */
export function useFreshDb(): () => OfflineDb {
  const dbs: OfflineDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return () => {
    const db = createOfflineDb(`test-${uuidv7()}`);
    dbs.push(db);
    return db;
  };
}

export function personWrite(userId: string, name = 'Siti Aminah'): LocalWrite {
  const id = uuidv7();
  return {
    userId,
    villageCode: testVillage,
    name: 'person.create',
    table: 'people',
    row: { id, village_code: testVillage, name, version: '0' },
    args: { id, name, villageCode: testVillage },
  };
}
