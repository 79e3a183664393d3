import { expect } from 'vitest';
import { type Ids, KENANGA, type ProbeSet } from '../../test/probes.js';

const regionsOfCases = (body: unknown) => (body as { items: Array<{ villageCode: string }> }).items.map((i) => i.villageCode);

/** Region-scope probes for departures, returns and cases (see platform/authorization.test.ts). */
export const casesProbes: ProbeSet = {
  probes: {
    'POST /api/v1/people/:id/placements': {
      expect: 'deny',
      url: (ids) => `/api/v1/people/${ids.childId}/placements`,
      body: { departureDate: '2026-01-05', destinationCountry: 'TW', employer: 'Penyusup' },
    },
    'GET /api/v1/people/:id/placements': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}/placements` },
    'PATCH /api/v1/placements/:id': {
      expect: 'deny',
      url: (ids) => `/api/v1/placements/${ids.placementId}`,
      body: { employer: 'Diubah orang luar', version: '1' },
    },
    'POST /api/v1/placements/:id/return': {
      expect: 'deny',
      url: (ids) => `/api/v1/placements/${ids.placementId}/return`,
      body: { returnDate: '2026-02-01', reason: 'lainnya', version: '1' },
    },
    'GET /api/v1/villages/:villageCode/placements': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/placements` },
    'GET /api/v1/villages/:villageCode/placements/export.xlsx': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/placements/export.xlsx` },
    'POST /api/v1/villages/:villageCode/cases': {
      expect: 'deny',
      url: () => `/api/v1/villages/${KENANGA}/cases`,
      body: (ids: Ids) => ({ migrantPersonId: ids.personId, reporterName: 'Penyusup', caseType: 'lainnya', description: 'Pengaduan dari orang luar desa' }),
    },
    'GET /api/v1/villages/:villageCode/cases': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/cases` },
    'GET /api/v1/cases': { expect: 'filtered', url: '/api/v1/cases?pageSize=200', regionsOf: regionsOfCases, narrowTo: `/api/v1/cases?within=${KENANGA}` },
    // A download, not JSON: asking for Kenanga from outside is refused like a record.
    'GET /api/v1/cases/export.xlsx': { expect: 'deny', url: () => `/api/v1/cases/export.xlsx?within=${KENANGA}` },
    'GET /api/v1/cases/:id': { expect: 'deny', url: (ids) => `/api/v1/cases/${ids.caseId}` },
    'POST /api/v1/cases/:id/transitions': {
      expect: 'deny',
      url: (ids) => `/api/v1/cases/${ids.caseId}/transitions`,
      body: { to: 'dirujuk_kabupaten', note: 'Dirujuk orang luar' },
    },
    'POST /api/v1/cases/:id/notes': { expect: 'deny', url: (ids) => `/api/v1/cases/${ids.caseId}/notes`, body: { note: 'Catatan orang luar' } },
  },
  /** Siti Aminah left for Taiwan; her son reports that she cannot be reached. */
  setup: async ({ officer, ids }) => {
    const placement = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${ids.personId}/placements`,
      payload: { departureDate: '2026-01-10', destinationCountry: 'TW', employer: 'Keluarga Lin, Taichung', contractStart: '2026-01-15', contractEnd: '2028-01-14' },
    });
    const reported = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/cases`,
      payload: { migrantPersonId: ids.personId, reporterPersonId: ids.childId, reporterRelation: 'anak', caseType: 'hilang_kontak', description: 'Tidak bisa dihubungi sejak tiga minggu', incidentCountry: 'TW' },
    });
    expect([placement.statusCode, reported.statusCode], `${placement.body} ${reported.body}`).toEqual([201, 201]);
    return { placementId: placement.json().id, caseId: reported.json().id };
  },
  villageTables: ['migration_placements', 'migration_cases', 'migration_case_events'],
};
