import { KENANGA, type ProbeSet } from '../../test/probes.js';

const unknownId = '00000000-0000-7000-8000-000000000000';

/**
 * Region-scope probes for job information (lowongan), agency import, the village centre and
 * the public page's API (see platform/authorization.test.ts). Job orders and agencies are
 * national and hold nobody's personal data; the public routes are open to all by design.
 * The one village-bound route, the centre's details, must refuse an outsider.
 */
export const jobsProbes: ProbeSet = {
  probes: {
    'GET /api/v1/job-orders': { expect: 'not-region-bound', url: '/api/v1/job-orders' },
    'GET /api/v1/job-orders/export.xlsx': { expect: 'not-region-bound', url: '/api/v1/job-orders/export.xlsx' },
    'GET /api/v1/job-orders/:id': { expect: 'not-region-bound', url: `/api/v1/job-orders/${unknownId}` },
    'POST /api/v1/job-orders': { expect: 'not-region-bound', url: '/api/v1/job-orders' },
    'PATCH /api/v1/job-orders/:id': { expect: 'not-region-bound', url: `/api/v1/job-orders/${unknownId}` },
    'POST /api/v1/job-orders/:id/verify': { expect: 'not-region-bound', url: `/api/v1/job-orders/${unknownId}/verify` },
    'POST /api/v1/agencies/import': { expect: 'not-region-bound', url: '/api/v1/agencies/import' },
    'GET /api/v1/agencies/export.xlsx': { expect: 'not-region-bound', url: '/api/v1/agencies/export.xlsx' },
    'PATCH /api/v1/program/villages/:villageCode/centre': {
      expect: 'deny',
      url: () => `/api/v1/program/villages/${KENANGA}/centre`,
      body: { centreAddress: 'Diubah orang luar' },
    },
    'GET /api/v1/public/job-orders': { expect: 'not-region-bound', url: '/api/v1/public/job-orders' },
    'GET /api/v1/public/agencies/check': { expect: 'not-region-bound', url: '/api/v1/public/agencies/check?q=duta' },
    'GET /api/v1/public/centres': { expect: 'not-region-bound', url: '/api/v1/public/centres' },
    'GET /api/v1/public/centres/:villageCode': { expect: 'not-region-bound', url: `/api/v1/public/centres/${KENANGA}` },
  },
  // Job information and the agency registry carry no one's personal data; the public page is open to anyone.
  partnerSafe: [
    'GET /api/v1/job-orders',
    'GET /api/v1/job-orders/export.xlsx',
    'GET /api/v1/job-orders/:id',
    'GET /api/v1/agencies/export.xlsx',
    'GET /api/v1/public/job-orders',
    'GET /api/v1/public/agencies/check',
    'GET /api/v1/public/centres',
    'GET /api/v1/public/centres/:villageCode',
  ],
};
