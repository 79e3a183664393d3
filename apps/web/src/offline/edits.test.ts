// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { editLocally } from './edits';
import { shouldReplace } from './merge';
import { testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();
const personId = '01937a6e-0000-7000-8000-000000000001';

describe('editLocally', () => {
  it('shows the edit on the phone and queues it with the version and values it started from', async () => {
    const db = freshDb();
    await db.people.put({ id: personId, village_code: testVillage, version: '17', name: 'Sri Mulyani', phone: null, birth_place: 'Indramayu' });
    const entry = await editLocally(db, {
      userId: 'officer-a',
      villageCode: testVillage,
      name: 'person.update',
      table: 'people',
      id: personId,
      changes: { phone: '081234567890', birthPlace: 'Cirebon' },
      baseVersion: '17',
      base: { phone: null, birthPlace: 'Indramayu' },
    });
    expect(await db.people.get(personId)).toEqual({
      id: personId,
      village_code: testVillage,
      version: '17',
      name: 'Sri Mulyani',
      phone: '081234567890',
      birth_place: 'Cirebon',
    });
    expect(entry).toMatchObject({
      name: 'person.update',
      status: 'waiting',
      recordId: personId,
      args: { id: personId, phone: '081234567890', birthPlace: 'Cirebon' },
      baseVersion: '17',
      base: { phone: null, birthPlace: 'Indramayu' },
    });
  });

  it('keeps the edit on the phone while it waits, even when a newer pull arrives', async () => {
    const db = freshDb();
    await db.people.put({ id: personId, village_code: testVillage, version: '17', name: 'Sri Mulyani' });
    await editLocally(db, {
      userId: 'officer-a',
      villageCode: testVillage,
      name: 'person.update',
      table: 'people',
      id: personId,
      changes: { name: 'Sri Mulyani Dewi' },
      baseVersion: '17',
      base: { name: 'Sri Mulyani' },
    });
    const local = await db.people.get(personId);
    expect(shouldReplace(local, { id: personId, village_code: testVillage, version: '18', name: 'Sri M.' }, true)).toBe(false);
  });

  it('queues the edit of a record the phone has not stored yet', async () => {
    const db = freshDb();
    await editLocally(db, {
      userId: 'officer-a',
      villageCode: testVillage,
      name: 'person.update',
      table: 'people',
      id: personId,
      changes: { rt: '009' },
      baseVersion: '4',
      base: { rt: '001' },
    });
    expect(await db.people.get(personId)).toEqual({ id: personId, village_code: testVillage, version: '4', rt: '009' });
    expect(await db.outbox.count()).toBe(1);
  });
});
