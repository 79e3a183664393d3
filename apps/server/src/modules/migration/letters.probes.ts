import { KENANGA, type ProbeSet } from '../../test/probes.js';

/**
 * Region-scope probes for document scans, letters (PDF with QR), their public check and the
 * xlsx exports of the centre's lists (see platform/authorization.test.ts). `setup` issues a
 * Kenanga letter first, so the snapshot proves an outsider neither adds nor alters one.
 */
export const lettersProbes: ProbeSet = {
  probes: {
    'POST /api/v1/migration-plans/:id/documents/:kind/scan': {
      expect: 'deny',
      url: (ids) => `/api/v1/migration-plans/${ids.planId}/documents/paspor/scan`,
      body: { file: 'bukan berkas' },
    },
    'GET /api/v1/migration-plans/:id/documents/:kind/scan': {
      expect: 'deny',
      url: (ids) => `/api/v1/migration-plans/${ids.planId}/documents/paspor/scan`,
    },
    'GET /api/v1/migration-plans/:id/letters': { expect: 'deny', url: (ids) => `/api/v1/migration-plans/${ids.planId}/letters` },
    'GET /api/v1/migration-plans/:id/letters/izin-keluarga.pdf': {
      expect: 'deny',
      url: (ids) => `/api/v1/migration-plans/${ids.planId}/letters/izin-keluarga.pdf?familyMemberId=${ids.childId}`,
    },
    'GET /api/v1/migration-plans/:id/letters/rekomendasi-desa.pdf': {
      expect: 'deny',
      url: (ids) => `/api/v1/migration-plans/${ids.planId}/letters/rekomendasi-desa.pdf`,
    },
    'GET /api/v1/public/letters/:token': { expect: 'not-region-bound', url: `/api/v1/public/letters/${'A'.repeat(32)}` },
    'GET /api/v1/villages/:villageCode/services/export.xlsx': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/services/export.xlsx` },
    'GET /api/v1/villages/:villageCode/migration-plans/export.xlsx': {
      expect: 'deny',
      url: () => `/api/v1/villages/${KENANGA}/migration-plans/export.xlsx`,
    },
  },
  // The public check shows a letter's number, date, village and initials only.
  partnerSafe: ['GET /api/v1/public/letters/:token'],
  setup: async ({ officer, ids }) => {
    const letter = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${ids.planId}/letters/rekomendasi-desa.pdf` });
    if (letter.statusCode !== 200) throw new Error(`letter setup failed: ${letter.statusCode} ${letter.body}`);
    return {};
  },
  villageTables: ['letters', 'migration_document_scans'],
};
