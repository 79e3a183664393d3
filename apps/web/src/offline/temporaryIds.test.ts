// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allocateOfflineTemporaryNik, nextOfflineSequence, offlineStart } from './temporaryIds';
import { testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();

describe('offline temporary NIK', () => {
  it('starts each device somewhere in 90000–99999, the same place every time', () => {
    const a = offlineStart('01937a6e-0000-7000-8000-00000000000a');
    expect(a).toBeGreaterThanOrEqual(90_000);
    expect(a).toBeLessThanOrEqual(99_999);
    expect(offlineStart('01937a6e-0000-7000-8000-00000000000a')).toBe(a);
    expect(offlineStart('01937a6e-0000-7000-8000-00000000000b')).not.toBe(a);
  });

  it('goes on from the last number given, skips taken ones and wraps round the range', () => {
    expect(nextOfflineSequence(new Set(), undefined, 93_000)).toBe(93_000);
    expect(nextOfflineSequence(new Set([93_001, 93_002]), 93_000, 93_000)).toBe(93_003);
    expect(nextOfflineSequence(new Set([90_000]), 99_999, 93_000)).toBe(90_001);
  });

  it('says so when every number of the range is taken', () => {
    const all = new Set(Array.from({ length: 10_000 }, (_, i) => 90_000 + i));
    expect(nextOfflineSequence(all, undefined, 95_000)).toBeNull();
  });

  it('never gives a number twice, nor one the phone knows is taken', async () => {
    const db = freshDb();
    const first = await allocateOfflineTemporaryNik(db, 'officer-a', testVillage);
    expect(first).toMatch(new RegExp(`^0${testVillage}9\\d{4}$`));
    const next = `0${testVillage}${String(Number(first!.slice(11)) + 1).padStart(5, '0')}`;
    // Another phone's number, pulled from the server: skipped.
    await db.people.put({ id: 'pulled', village_code: testVillage, version: '3', nik: next });
    const second = await allocateOfflineTemporaryNik(db, 'officer-a', testVillage);
    expect(Number(second!.slice(11))).toBe((Number(first!.slice(11)) + 2 - 90_000) % 10_000 + 90_000);
    expect(new Set([first, second, next]).size).toBe(3);
  });

  it('gives two officers on one phone different starting points', async () => {
    const db = freshDb();
    const a = await allocateOfflineTemporaryNik(db, 'officer-a', testVillage);
    const b = await allocateOfflineTemporaryNik(db, 'officer-b', testVillage);
    expect(a).not.toBe(b);
  });
});
