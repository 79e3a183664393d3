import { describe, expect, it } from 'vitest';
import { offlineCaseSteps } from './localCase';

const pulled = { id: 'c1', village_code: '3212162004', version: '120', status: 'baru' };

describe('offlineCaseSteps', () => {
  it('offers the steps the role may take online', () => {
    expect(offlineCaseSteps(pulled, 'petugas_desa', false)).toEqual(['ditangani_desa', 'dirujuk_kabupaten']);
    expect(offlineCaseSteps({ ...pulled, status: 'dirujuk_kabupaten' }, 'petugas_desa', false)).toEqual([]);
    expect(offlineCaseSteps({ ...pulled, status: 'dirujuk_kabupaten' }, 'koordinator_kabupaten', false)).toEqual(['selesai']);
  });

  it('offers none on a case made on this phone or with a step still waiting', () => {
    expect(offlineCaseSteps({ ...pulled, version: '0' }, 'petugas_desa', false)).toEqual([]);
    expect(offlineCaseSteps(pulled, 'petugas_desa', true)).toEqual([]);
  });
});
