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
    // Two-factor sign-in of the caller's own account: nothing of anyone else's.
    'GET /api/v1/auth/totp': { expect: 'not-region-bound', url: '/api/v1/auth/totp' },
    'POST /api/v1/auth/totp/setup': { expect: 'not-region-bound', url: '/api/v1/auth/totp/setup' },
    'POST /api/v1/auth/totp/confirm': { expect: 'not-region-bound', url: '/api/v1/auth/totp/confirm', body: { code: '000000' } },
    'POST /api/v1/auth/totp/disable': {
      expect: 'not-region-bound',
      url: '/api/v1/auth/totp/disable',
      body: { password: 'bukan-sandinya', totpCode: '000000' },
    },
    'POST /api/v1/auth/totp/recovery-codes': {
      expect: 'not-region-bound',
      url: '/api/v1/auth/totp/recovery-codes',
      body: { password: 'bukan-sandinya', totpCode: '000000' },
    },
    // Admins only; for an outsider a Kenanga account's two-factor is out of reach.
    'POST /api/v1/users/:id/totp/reset': { expect: 'deny', url: (ids) => `/api/v1/users/${ids.kenangaSpareUserId}/totp/reset` },
  },
  partnerSafe: [
    'GET /api/v1/auth/sessions',
    'DELETE /api/v1/auth/sessions/:id',
    'POST /api/v1/auth/sessions/revoke-others',
    // Only whether the caller's own account uses two-factor sign-in.
    'GET /api/v1/auth/totp',
  ],
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
