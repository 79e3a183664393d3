import { expect } from 'vitest';
import { KENANGA, type ProbeSet } from '../../test/probes.js';

/** Region-scope probes for the personal-data protection routes (see platform/authorization.test.ts). */
export const privacyProbes: ProbeSet = {
  probes: {
    'GET /api/v1/people/:id/access-log': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}/access-log` },
    'GET /api/v1/people/:id/data-export.json': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}/data-export.json` },
    'GET /api/v1/people/:id/data-export.xlsx': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.childId}/data-export.xlsx` },
    'POST /api/v1/villages/:villageCode/data-subject-requests': {
      expect: 'deny',
      url: () => `/api/v1/villages/${KENANGA}/data-subject-requests`,
      body: (ids: { personId: string }) => ({ personId: ids.personId, kind: 'penghapusan', requesterName: 'Penyusup' }),
    },
    'GET /api/v1/villages/:villageCode/data-subject-requests': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/data-subject-requests` },
    'POST /api/v1/data-subject-requests/:id/transitions': {
      expect: 'deny',
      url: (ids) => `/api/v1/data-subject-requests/${ids.dataSubjectRequestId}/transitions`,
      body: { to: 'ditolak', reason: 'Ditolak orang luar', version: '1' },
    },
    'GET /api/v1/data-subject-requests/:id/erasure-preview': {
      expect: 'deny',
      url: (ids) => `/api/v1/data-subject-requests/${ids.erasureRequestId}/erasure-preview`,
    },
    // An outsider who got past the scope check would erase Siti Aminah's phone and visit notes.
    'POST /api/v1/data-subject-requests/:id/erasure': {
      expect: 'deny',
      url: (ids) => `/api/v1/data-subject-requests/${ids.erasureRequestId}/erasure`,
      body: (ids: { erasureRequestVersion: string }) => ({ categories: ['telepon', 'catatan_layanan', 'pindaian_dokumen'], version: ids.erasureRequestVersion }),
    },
    'GET /api/v1/villages/:villageCode/expired-consents': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/expired-consents` },
    // National policy text: which record type is kept how long, and why.
    'GET /api/v1/privacy/retention-rules': { expect: 'not-region-bound', url: '/api/v1/privacy/retention-rules' },
    // Admin only: a village officer or a coordinator is refused.
    'PUT /api/v1/privacy/retention-rules/:recordType': {
      expect: 'deny',
      url: () => '/api/v1/privacy/retention-rules/import_rejects',
      body: { keepMonths: 1200, legalBasis: 'Diubah orang luar tanpa dasar', version: '1' },
    },
    'POST /api/v1/privacy/retention-rules/import-rejects/purge': { expect: 'deny', url: () => '/api/v1/privacy/retention-rules/import-rejects/purge' },
    'GET /api/v1/privacy/breach-report': {
      expect: 'deny',
      url: (ids) => `/api/v1/privacy/breach-report?userId=${ids.kenangaOfficerId}&from=2020-01-01&to=2030-12-31`,
    },
    'GET /api/v1/privacy/breach-report.xlsx': {
      expect: 'deny',
      url: (ids) => `/api/v1/privacy/breach-report.xlsx?userId=${ids.kenangaOfficerId}&from=2020-01-01&to=2030-12-31`,
    },
  },
  /** Siti Aminah asks the village what it holds about her, and to erase what it need not keep (being processed). */
  setup: async ({ officer, ids }) => {
    const res = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/data-subject-requests`,
      payload: { personId: ids.personId, kind: 'akses', requesterName: 'Siti Aminah' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const erasure = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/data-subject-requests`,
      payload: { personId: ids.personId, kind: 'penghapusan', requesterName: 'Siti Aminah' },
    });
    expect(erasure.statusCode, erasure.body).toBe(201);
    const processing = await officer.request({
      method: 'POST',
      url: `/api/v1/data-subject-requests/${erasure.json().id}/transitions`,
      payload: { to: 'diproses', version: erasure.json().version },
    });
    expect(processing.statusCode, processing.body).toBe(200);
    return { dataSubjectRequestId: res.json().id, erasureRequestId: erasure.json().id, erasureRequestVersion: processing.json().version };
  },
  // Consents, because an erasure may withdraw them (placements and scans are compared by other sets).
  villageTables: ['data_subject_requests', 'person_consents'],
};
