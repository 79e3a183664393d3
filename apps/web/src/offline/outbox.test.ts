// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LocalRow } from './db';
import { badgeFor, clientIdFor, countWaiting, waitingFor, writeLocally } from './outbox';
import { personWrite, testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();

describe('writeLocally', () => {
  it('stores the row and its mutation together, numbered per officer on this device', async () => {
    const db = freshDb();
    const first = await writeLocally(db, personWrite('officer-a'));
    const second = await writeLocally(db, personWrite('officer-a'));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second.clientId).toBe(first.clientId);
    expect(await db.people.get(first.recordId)).toMatchObject({ name: 'Siti Aminah', version: '0' });
    expect(await db.outbox.get(first.id)).toMatchObject({ status: 'waiting', name: 'person.create', userId: 'officer-a' });
  });

  it('writes neither the row nor the mutation when one of them fails', async () => {
    const db = freshDb();
    const broken = personWrite('officer-a');
    // A row without its key cannot be stored: the outbox entry must not survive alone.
    broken.row = { village_code: testVillage, version: '0' } as unknown as LocalRow;
    await expect(writeLocally(db, broken)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('gives each officer on a shared phone their own client id and sequence', async () => {
    const db = freshDb();
    expect(await clientIdFor(db, 'officer-a')).not.toBe(await clientIdFor(db, 'officer-b'));
    expect(await clientIdFor(db, 'officer-a')).toBe(await clientIdFor(db, 'officer-a'));
    await writeLocally(db, personWrite('officer-a'));
    const b = await writeLocally(db, personWrite('officer-b'));
    expect(b.seq).toBe(1);
  });
});

describe('waitingFor', () => {
  it("lists only the officer's own waiting changes, oldest first", async () => {
    const db = freshDb();
    const a1 = await writeLocally(db, personWrite('officer-a'));
    await writeLocally(db, personWrite('officer-b'));
    const a2 = await writeLocally(db, personWrite('officer-a'));
    const a3 = await writeLocally(db, personWrite('officer-a'));
    await db.outbox.update(a2.id, { status: 'sent' });
    expect((await waitingFor(db, 'officer-a', 10)).map((e) => e.id)).toEqual([a1.id, a3.id]);
    expect(await countWaiting(db, 'officer-a')).toBe(2);
    expect(await countWaiting(db, 'officer-b')).toBe(1);
  });
});

describe('badgeFor', () => {
  it('shows the most pressing state among a record’s changes', () => {
    expect(badgeFor([])).toBeNull();
    expect(badgeFor([{ status: 'sent' }, { status: 'waiting' }] as never)).toBe('waiting');
    expect(badgeFor([{ status: 'rejected' }, { status: 'sent' }, { status: 'conflict' }] as never)).toBe('rejected');
  });
});
