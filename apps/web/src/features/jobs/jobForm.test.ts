import type { JobOrder } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { formatSalary, formToJobRequest, jobToForm, parseAmount } from './jobForm';

const job: JobOrder = {
  id: '01930000-0000-7000-8000-0000000b0001',
  country: 'HK',
  countryName: 'Hong Kong',
  occupation: 'Pengurus rumah tangga',
  sector: 'domestik',
  scheme: 'p_to_p',
  agency: { id: '01930000-0000-7000-8000-0000000a0001', name: 'PT Duta', licenceNumber: 'KEP.1', licenceValidUntil: null, licenceStatus: 'licensed' },
  quota: 25,
  salaryAmount: 4990,
  salaryCurrency: 'HKD',
  closingDate: '2027-03-31',
  referenceNumber: 'JO/HK/1',
  description: null,
  requirements: 'Perempuan',
  verified: true,
  verifiedAt: '2026-11-01T01:00:00.000Z',
  open: true,
  createdAt: '2026-11-01T01:00:00.000Z',
  version: '9',
};

describe('the job order form', () => {
  it('round-trips a job order through the form', () => {
    expect(formToJobRequest(jobToForm(job))).toEqual({
      country: 'HK',
      occupation: 'Pengurus rumah tangga',
      sector: 'domestik',
      scheme: 'p_to_p',
      agencyId: job.agency!.id,
      quota: 25,
      salaryAmount: 4990,
      salaryCurrency: 'HKD',
      closingDate: '2027-03-31',
      referenceNumber: 'JO/HK/1',
      description: null,
      requirements: 'Perempuan',
    });
  });

  it('reads amounts typed the Indonesian way', () => {
    expect(parseAmount('4.990')).toBe(4990);
    expect(parseAmount('2.060.740')).toBe(2060740);
    expect(parseAmount('1700,50')).toBe(1700.5);
    expect(parseAmount(' ')).toBeNull();
    expect(parseAmount('lima ribu')).toBe('lima ribu');
  });

  it('shows a salary with its currency', () => {
    expect(formatSalary(4990, 'HKD')).toBe('HKD 4.990');
    expect(formatSalary(null, null)).toBeNull();
  });
});

describe('a cleared select', () => {
  it('is sent as empty, not as a crash', () => {
    const values = { ...jobToForm(job), agencyId: null as unknown as string, sector: null as unknown as '' };
    expect(formToJobRequest(values)).toMatchObject({ agencyId: null, sector: '' });
  });
});
