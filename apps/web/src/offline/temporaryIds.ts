import { makeTemporaryId } from '@desmigratif/domain';
import { MAX_SEQUENCE, OFFLINE_FIRST_SEQUENCE, sequenceOf } from '../features/people/temporaryId';
import { getMeta, setMeta, type OfflineDb } from './db';
import { clientIdFor } from './outbox';

const rangeSize = MAX_SEQUENCE - OFFLINE_FIRST_SEQUENCE + 1;

/**
 * Where this officer-on-this-device starts in the offline range (90000–99999): a hash of their
 * client id, so two phones offline at the same time start far apart (see README, "Temporary NIK").
 */
export function offlineStart(clientId: string): number {
  // FNV-1a: stable across browsers and sessions, unlike anything random.
  let hash = 0x811c9dc5;
  for (let i = 0; i < clientId.length; i++) hash = Math.imul(hash ^ clientId.charCodeAt(i), 0x01000193) >>> 0;
  return OFFLINE_FIRST_SEQUENCE + (hash % rangeSize);
}

/**
 * The next offline sequence: one past the last this device gave (else its start), going round
 * the offline range, skipping every number the phone knows is taken (pulled from the server or
 * recorded here). Null when the whole range is taken.
 */
export function nextOfflineSequence(taken: ReadonlySet<number>, previous: number | undefined, start: number): number | null {
  let candidate = previous === undefined ? start : previous + 1;
  for (let tried = 0; tried < rangeSize; tried++, candidate++) {
    if (candidate > MAX_SEQUENCE) candidate = OFFLINE_FIRST_SEQUENCE;
    if (!taken.has(candidate)) return candidate;
  }
  return null;
}

/**
 * A temporary NIK given without signal. The number is kept as given (meta) even if the form is
 * never saved: a number once shown to an officer may have been written down, so it is not reused.
 */
export async function allocateOfflineTemporaryNik(db: OfflineDb, userId: string, villageCode: string): Promise<string | null> {
  const clientId = await clientIdFor(db, userId);
  return db.transaction('rw', [db.people, db.meta], async () => {
    const prefix = `0${villageCode}`;
    const taken = new Set<number>();
    await db.people
      .where('village_code')
      .equals(villageCode)
      .each((row) => {
        const nik = String(row.nik ?? '');
        const sequence = nik.startsWith(prefix) ? sequenceOf(nik) : null;
        if (sequence !== null) taken.add(sequence);
      });
    const key = `tempNik:${clientId}:${villageCode}`;
    const sequence = nextOfflineSequence(taken, await getMeta<number>(db, key), offlineStart(clientId));
    if (sequence === null) return null;
    await setMeta(db, key, sequence);
    return makeTemporaryId(villageCode, sequence);
  });
}
