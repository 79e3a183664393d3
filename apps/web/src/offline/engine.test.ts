// @vitest-environment node
import 'fake-indexeddb/auto';
import type { SyncPullResponse, SyncPushRequest, SyncPushResponse } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { getMeta } from './db';
import { PUSH_BATCH, pullAll, pushAll, SyncEngine, syncedVillage, type SyncTransport } from './engine';
import { countWaiting, writeLocally } from './outbox';
import { personWrite, testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();
const officer = { id: 'officer-a', scopeCode: testVillage, role: 'petugas_desa' as const };

/** A server that applies everything it is sent, remembering the order. */
function applyingTransport(pages: SyncPullResponse[] = []): SyncTransport & { pushed: SyncPushRequest[]; cursors: (string | undefined)[] } {
  const pushed: SyncPushRequest[] = [];
  const cursors: (string | undefined)[] = [];
  return {
    pushed,
    cursors,
    push: async (request) => {
      pushed.push(request);
      const results = request.mutations.map((m) => ({ id: m.id, seq: m.seq, status: 'applied' as const }));
      return { lastSeq: request.mutations.at(-1)?.seq ?? 0, results };
    },
    pull: async (_village, cursor) => {
      cursors.push(cursor);
      return pages.shift() ?? { cursor: 'end', hasMore: false, changes: [], tombstones: [] };
    },
  };
}

const peoplePage = (cursor: string, hasMore: boolean, rows: unknown[][], tombstones: string[] = []): SyncPullResponse => ({
  cursor,
  hasMore,
  changes: [{ table: 'people', columns: ['id', 'villageCode', 'name', 'version'], rows }],
  tombstones: tombstones.map((id) => ({ table: 'people' as const, id })),
});

describe('pushAll', () => {
  it('sends the waiting changes in sequence order, at most a batch per request', async () => {
    const db = freshDb();
    for (let i = 0; i < PUSH_BATCH + 50; i++) await writeLocally(db, personWrite('officer-a', `Warga ${i}`));
    const transport = applyingTransport();
    await pushAll(db, transport, 'officer-a');
    expect(transport.pushed.map((r) => r.mutations.length)).toEqual([PUSH_BATCH, 50]);
    const seqs = transport.pushed.flatMap((r) => r.mutations.map((m) => m.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(PUSH_BATCH + 50);
    expect(await countWaiting(db, 'officer-a')).toBe(0);
  });

  it('marks conflicts and keeps the Indonesian reason of a rejected change', async () => {
    const db = freshDb();
    const [a, b, c] = [
      await writeLocally(db, personWrite('officer-a')),
      await writeLocally(db, personWrite('officer-a')),
      await writeLocally(db, personWrite('officer-a')),
    ];
    const answers: SyncPushResponse = {
      lastSeq: 3,
      results: [
        { id: a.id, seq: 1, status: 'applied' },
        { id: b.id, seq: 2, status: 'conflict', conflictId: '0195d3a0-0000-7000-8000-000000000001' },
        { id: c.id, seq: 3, status: 'rejected', reason: 'Data tidak valid', details: [{ path: 'nik', message: 'NIK harus 16 angka' }] },
      ],
    };
    await pushAll(db, { push: async () => answers, pull: async () => peoplePage('x', false, []) }, 'officer-a');
    expect((await db.outbox.get(a.id))?.status).toBe('sent');
    expect(await db.outbox.get(b.id)).toMatchObject({ status: 'conflict', conflictId: '0195d3a0-0000-7000-8000-000000000001' });
    expect(await db.outbox.get(c.id)).toMatchObject({ status: 'rejected', reason: 'Data tidak valid: NIK harus 16 angka' });
  });

  it('never sends another officer’s changes from a shared phone', async () => {
    const db = freshDb();
    const theirs = await writeLocally(db, personWrite('officer-b'));
    await writeLocally(db, personWrite('officer-a'));
    const transport = applyingTransport();
    await pushAll(db, transport, 'officer-a');
    expect(transport.pushed.flatMap((r) => r.mutations.map((m) => m.id))).not.toContain(theirs.id);
    expect((await db.outbox.get(theirs.id))?.status).toBe('waiting');
  });
});

describe('pullAll', () => {
  it('reads every page, keeps the cursor, and never lets an older row replace a newer one', async () => {
    const db = freshDb();
    await db.people.put({ id: 'p1', village_code: testVillage, name: 'Baru', version: '12' });
    await db.people.put({ id: 'gone', village_code: testVillage, name: 'Dihapus', version: '3' });
    const transport = applyingTransport([
      peoplePage('c1', true, [['p1', testVillage, 'Lama', '9'], ['p2', testVillage, 'Dua', '10']]),
      peoplePage('c2', false, [['p3', testVillage, 'Tiga', '11']], ['gone']),
    ]);
    await pullAll(db, transport, 'officer-a', testVillage);
    expect(transport.cursors).toEqual([undefined, 'c1']);
    expect(await getMeta(db, `cursor:officer-a:${testVillage}`)).toBe('c2');
    expect((await db.people.get('p1'))?.name).toBe('Baru');
    expect(await db.people.get('p2')).toMatchObject({ name: 'Dua', village_code: testVillage, version: '10' });
    expect(await db.people.get('p3')).toBeDefined();
    expect(await db.people.get('gone')).toBeUndefined();
  });

  it('keeps a record with a change still waiting as the officer made it', async () => {
    const db = freshDb();
    const entry = await writeLocally(db, personWrite('officer-a', 'Versi HP'));
    await pullAll(db, applyingTransport([peoplePage('c1', false, [[entry.recordId, testVillage, 'Versi server', '20']])]), 'officer-a', testVillage);
    expect((await db.people.get(entry.recordId))?.name).toBe('Versi HP');
  });
});

describe('SyncEngine', () => {
  it('runs one sync at a time: a second request joins the running one', async () => {
    const db = freshDb();
    await writeLocally(db, personWrite('officer-a'));
    const transport = applyingTransport();
    const engine = new SyncEngine(() => db, transport);
    await Promise.all([engine.sync(officer), engine.sync(officer)]);
    expect(transport.pushed).toHaveLength(1);
    expect(engine.getState()).toMatchObject({ syncing: false, problem: null });
    expect(engine.getState().lastSyncAt).not.toBeNull();
  });

  it('asks for an update on 426 and keeps the outbox', async () => {
    const db = freshDb();
    await writeLocally(db, personWrite('officer-a'));
    const engine = new SyncEngine(() => db, {
      push: async () => {
        throw new ApiError(426, 'UPDATE_REQUIRED', 'Perbarui aplikasi');
      },
      pull: async () => peoplePage('x', false, []),
    });
    await engine.sync(officer);
    expect(engine.getState().problem).toBe('updateRequired');
    expect(await countWaiting(db, 'officer-a')).toBe(1);
  });

  it('reports no signal and keeps the outbox when the request never arrives', async () => {
    const db = freshDb();
    await writeLocally(db, personWrite('officer-a'));
    const engine = new SyncEngine(() => db, {
      push: async () => {
        throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
      },
      pull: async () => peoplePage('x', false, []),
    });
    await engine.sync(officer);
    expect(engine.getState()).toMatchObject({ problem: 'offline', online: false });
    expect(await countWaiting(db, 'officer-a')).toBe(1);
  });
});

describe('syncedVillage', () => {
  it('keeps a village on the phone only for village-scoped accounts', () => {
    expect(syncedVillage({ scopeCode: testVillage, role: 'petugas_desa' })).toBe(testVillage);
    expect(syncedVillage({ scopeCode: testVillage, role: 'kepala_desa' })).toBe(testVillage);
    expect(syncedVillage({ scopeCode: testVillage, role: 'pengurus_koperasi' })).toBeNull();
    expect(syncedVillage({ scopeCode: '3212', role: 'koordinator_kabupaten' })).toBeNull();
    expect(syncedVillage({ scopeCode: '', role: 'admin' })).toBeNull();
  });
});
