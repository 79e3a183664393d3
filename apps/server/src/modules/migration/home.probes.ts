import { expect } from 'vitest';
import { KENANGA, type ProbeSet } from '../../test/probes.js';

/** Region-scope probes for the officer's and coordinator's home dashboards. */
export const homeProbes: ProbeSet = {
  probes: {
    'GET /api/v1/villages/:villageCode/home': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/home` },
    'GET /api/v1/home/regency': {
      expect: 'filtered',
      url: '/api/v1/home/regency',
      regionsOf: (b) => {
        const body = b as { scopeCode: string; flaggedPlans: Array<{ villageCode: string }>; referredCases: Array<{ villageCode: string }>; villages: Array<{ villageCode: string }> };
        return [body.scopeCode, ...body.flaggedPlans.map((p) => p.villageCode), ...body.referredCases.map((c) => c.villageCode), ...body.villages.map((v) => v.villageCode)];
      },
      narrowTo: `/api/v1/home/regency?within=${KENANGA}`,
    },
    'POST /api/v1/services/:id/follow-up-done': { expect: 'deny', url: (ids) => `/api/v1/services/${ids.followUpServiceId}/follow-up-done` },
  },
  /** A Kenanga visit with a follow-up due, for an outsider to try to tick off. */
  setup: async ({ officer }) => {
    const res = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/services`,
      payload: { visitorName: 'Warga bertanya', serviceType: 'informasi_pasar_kerja', serviceDate: '2026-01-05', followUpDate: '2026-01-06' },
    });
    expect(res.statusCode).toBe(201);
    return { followUpServiceId: res.json().id };
  },
};
