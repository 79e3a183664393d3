import { describe, expect, it } from 'vitest';
import { createJobOrderRequestSchema, formatBranches, parseBranches } from './migration-jobs.js';

describe('agency branches written as one cell', () => {
  it('splits at semicolons or new lines, name before the first colon, and writes them back the same way', () => {
    const branches = parseBranches('Cabang Indramayu: Jl. Siliwangi 2, Indramayu;\nCabang Cirebon ; ');
    expect(branches).toEqual([
      { name: 'Cabang Indramayu', address: 'Jl. Siliwangi 2, Indramayu' },
      { name: 'Cabang Cirebon', address: null },
    ]);
    expect(parseBranches(formatBranches(branches))).toEqual(branches);
    expect(parseBranches('Kantor: Jl. Raya 1: Blok B')).toEqual([{ name: 'Kantor', address: 'Jl. Raya 1: Blok B' }]);
    expect(formatBranches([])).toBeNull();
    expect(parseBranches(null)).toEqual([]);
  });
});

describe('a new job order', () => {
  const base = { country: ' hk ', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' };

  it('reads the country and currency in any case', () => {
    const parsed = createJobOrderRequestSchema.parse({ ...base, salaryAmount: 4990, salaryCurrency: 'hkd' });
    expect(parsed).toMatchObject({ country: 'HK', salaryCurrency: 'HKD', salaryAmount: 4990 });
  });

  it('wants the salary together with its currency', () => {
    const result = createJobOrderRequestSchema.safeParse({ ...base, salaryAmount: 4990 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['salaryCurrency', 'Isi jumlah gaji bersama mata uangnya (contoh 4990 HKD)'],
    ]);
    expect(createJobOrderRequestSchema.safeParse({ ...base, salaryCurrency: 'HK$' }).success).toBe(false);
  });
});
