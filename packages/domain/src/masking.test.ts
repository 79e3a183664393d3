import { describe, expect, it } from 'vitest';
import { maskIdentityNumber, seesFullIdentity } from './masking.js';

describe('identity masking', () => {
  it('keeps the region and the serial, hides the birth date', () => {
    expect(maskIdentityNumber('3212165203900003')).toBe('3212••••••••0003');
    expect(maskIdentityNumber('1234')).toBe('••••');
  });

  it('shows full numbers only to the village officers who record them', () => {
    expect(seesFullIdentity('petugas_desa')).toBe(true);
    expect(seesFullIdentity('kepala_desa')).toBe(true);
    expect(seesFullIdentity('koordinator_kabupaten')).toBe(false);
    expect(seesFullIdentity('pengurus_koperasi')).toBe(false);
    expect(seesFullIdentity('mitra')).toBe(false);
  });
});
