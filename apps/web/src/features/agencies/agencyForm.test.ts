import type { Agency } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { agencyToForm, formToAgencyRequest } from './agencyForm';

const agency: Agency = {
  id: '01930000-0000-7000-8000-0000000a0001',
  name: 'PT Duta Karya Mandiri',
  licenceNumber: 'KEP.123/PPTK/2022',
  licenceValidUntil: '2027-06-30',
  address: null,
  branches: [
    { name: 'Cabang Indramayu', address: 'Jl. Sudirman 45' },
    { name: 'Cabang Cirebon', address: null },
  ],
  licenceStatus: 'licensed',
  version: '7',
};

describe('the agency form', () => {
  it('shows one branch per line and sends them back as they were', () => {
    const form = agencyToForm(agency);
    expect(form.branches).toBe('Cabang Indramayu: Jl. Sudirman 45\nCabang Cirebon');
    expect(formToAgencyRequest(form)).toEqual({
      name: 'PT Duta Karya Mandiri',
      licenceNumber: 'KEP.123/PPTK/2022',
      licenceValidUntil: '2027-06-30',
      address: null,
      branches: agency.branches,
    });
  });

  it('sends empty fields as null', () => {
    const request = formToAgencyRequest({ name: ' PT Baru ', licenceNumber: 'X-12', licenceValidUntil: '', address: '  ', branches: '' });
    expect(request).toEqual({ name: 'PT Baru', licenceNumber: 'X-12', licenceValidUntil: null, address: null, branches: [] });
  });
});
