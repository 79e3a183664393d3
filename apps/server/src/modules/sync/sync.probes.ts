import { SYNC_FORMAT_VERSION } from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { type Ids, KENANGA, type ProbeSet } from '../../test/probes.js';

const regionsOfConflicts = (body: unknown) => (body as { items: Array<{ villageCode: string }> }).items.map((i) => i.villageCode);

/** An edit of Siti Aminah's hamlet from a stale version: as Kenanga's officer it records a conflict. */
const staleEdit = (ids: Ids, clientId: string, seq: number) => ({
  formatVersion: SYNC_FORMAT_VERSION,
  clientId,
  mutations: [
    {
      id: uuidv7(),
      clientId,
      seq,
      name: 'person.update',
      args: { id: ids.personId, dusun: 'Blok Sinkron' },
      baseVersion: '1',
      base: { dusun: 'Dusun Lama' },
      createdAt: new Date().toISOString(),
    },
  ],
});

/** Region-scope probes for the sync routes (see platform/authorization.test.ts). */
export const syncProbes: ProbeSet = {
  probes: {
    // Kenanga's officer's outbox: anyone else pushing it is refused before any mutation is read.
    'POST /api/v1/sync/push': { expect: 'deny', url: () => '/api/v1/sync/push', body: (ids: Ids) => staleEdit(ids, ids.syncClientId!, 2) },
    'GET /api/v1/sync/pull': { expect: 'deny', url: () => `/api/v1/sync/pull?villageCode=${KENANGA}` },
    'GET /api/v1/sync/conflicts': {
      expect: 'filtered',
      url: '/api/v1/sync/conflicts',
      regionsOf: regionsOfConflicts,
      narrowTo: `/api/v1/sync/conflicts?villageCode=${KENANGA}`,
    },
    'GET /api/v1/sync/conflicts/:id': { expect: 'deny', url: (ids) => `/api/v1/sync/conflicts/${ids.conflictId}` },
    'POST /api/v1/sync/conflicts/:id/resolve': {
      expect: 'deny',
      url: (ids) => `/api/v1/sync/conflicts/${ids.conflictId}/resolve`,
      body: { choices: { dusun: 'theirs' } },
    },
  },
  setup: async ({ officer, ids }) => {
    const syncClientId = uuidv7();
    const res = await officer.request({ method: 'POST', url: '/api/v1/sync/push', payload: staleEdit(ids as Ids, syncClientId, 1) });
    const result = res.json().results?.[0];
    expect(result?.status, res.body).toBe('conflict');
    return { syncClientId, conflictId: result.conflictId as string };
  },
  villageTables: ['sync_conflicts'],
};
