// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearDeviceData, describeDeviceData } from './clear';
import { getMeta, setMeta } from './db';
import { writeLocally } from './outbox';
import { personWrite, testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();

describe('clearing the data on this phone', () => {
  it("counts the officer's waiting changes apart from other officers'", async () => {
    const db = freshDb();
    await writeLocally(db, personWrite('officer-a'));
    const sent = await writeLocally(db, personWrite('officer-a'));
    await db.outbox.update(sent.id, { status: 'sent' });
    await writeLocally(db, personWrite('officer-b'));
    await db.families.put({ id: 'f1', village_code: testVillage, version: '2' });
    expect(await describeDeviceData(db, 'officer-a')).toEqual({ ownWaiting: 1, othersWaiting: 1, rows: 4 });
  });

  it("removes the village and the officer's own changes but keeps another officer's work and every sequence", async () => {
    const db = freshDb();
    await db.people.put({ id: 'pulled', village_code: testVillage, version: '5', name: 'Tarsini' });
    const own = await writeLocally(db, personWrite('officer-a', 'Milik A'));
    const other = await writeLocally(db, personWrite('officer-b', 'Milik B'));
    await setMeta(db, `cursor:officer-a:${testVillage}`, 'c1');
    await setMeta(db, `cursor:officer-b:${testVillage}`, 'c2');
    await setMeta(db, 'lastSync:officer-a', '2026-11-22T10:00:00Z');
    await setMeta(db, 'login:petugas.kenanga', { salt: 'x' });

    await clearDeviceData(db, 'officer-a');

    expect(await db.people.toCollection().primaryKeys()).toEqual([other.recordId]);
    expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual([other.id]);
    // With the rows gone every officer's next pull starts over.
    expect(await getMeta(db, `cursor:officer-a:${testVillage}`)).toBeUndefined();
    expect(await getMeta(db, `cursor:officer-b:${testVillage}`)).toBeUndefined();
    expect(await getMeta(db, 'lastSync:officer-a')).toBeUndefined();
    expect(await getMeta(db, 'login:petugas.kenanga')).toEqual({ salt: 'x' });
    // The sequence goes on: the server would skip a change numbered again from 1.
    const next = await writeLocally(db, personWrite('officer-a'));
    expect(next.seq).toBe(own.seq + 1);
    expect(next.clientId).toBe(own.clientId);
  });
});
