import { expect } from 'vitest';
import { KENANGA, type ProbeSet } from '../../test/probes.js';

/** Region-scope probes for the account-security routes (see platform/authorization.test.ts). */
export const accessProbes: ProbeSet = {
  probes: {
    // The caller's own sessions only: nobody's but their own.
    'GET /api/v1/auth/sessions': { expect: 'not-region-bound', url: '/api/v1/auth/sessions' },
    'POST /api/v1/auth/sessions/revoke-others': { expect: 'not-region-bound', url: '/api/v1/auth/sessions/revoke-others' },
    // A session of Kenanga's officer: for anyone else it does not exist.
    'DELETE /api/v1/auth/sessions/:id': { expect: 'deny', url: (ids) => `/api/v1/auth/sessions/${ids.kenangaSessionId}` },
    // A spare Kenanga account, so that the coordinators allowed to sign it out do not end the
    // officer sessions the other probes use.
    'POST /api/v1/users/:id/sessions/revoke': { expect: 'deny', url: (ids) => `/api/v1/users/${ids.kenangaSpareUserId}/sessions/revoke` },
  },
  partnerSafe: ['GET /api/v1/auth/sessions', 'DELETE /api/v1/auth/sessions/:id', 'POST /api/v1/auth/sessions/revoke-others'],
  setup: async ({ officer, coordinator }) => {
    const sessions = await officer.request({ method: 'GET', url: '/api/v1/auth/sessions' });
    expect(sessions.statusCode, sessions.body).toBe(200);
    const spare = await coordinator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'cadangan.kenanga', fullName: 'Petugas Cadangan Kenanga', role: 'petugas_desa', scopeCode: KENANGA, password: 'Cadangan#Kenanga-2026' },
    });
    expect(spare.statusCode, spare.body).toBe(201);
    const current = (sessions.json() as { items: Array<{ id: string; current: boolean }> }).items.find((s) => s.current)!;
    return { kenangaSessionId: current.id, kenangaSpareUserId: spare.json().id };
  },
};
