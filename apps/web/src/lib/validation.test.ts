// @vitest-environment node
import { changePasswordRequestSchema, enrollVillageRequestSchema } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { blankToNull, schemaErrors } from './validation';

describe('schemaErrors', () => {
  it('returns nothing for valid input', () => {
    expect(
      schemaErrors(changePasswordRequestSchema, { currentPassword: 'lama', newPassword: 'Desmigratif#2027' }),
    ).toEqual({});
  });

  it('keys the contracts messages by field path', () => {
    const errors = schemaErrors(enrollVillageRequestSchema, {
      villageCode: '32.12',
      cohortYear: 2015,
      officers: [{ name: 'A', phone: '12' }],
    });
    expect(errors).toEqual({
      villageCode: 'Kode desa harus 10 digit angka (contoh 3212162004)',
      cohortYear: 'Program Desmigratif dimulai tahun 2016',
      'officers.0.name': 'Nama minimal 2 huruf',
      'officers.0.phone': 'Nomor HP tidak valid (contoh 081234567890)',
    });
  });
});

describe('blankToNull', () => {
  it('turns empty input into null and trims the rest', () => {
    expect(blankToNull('   ')).toBeNull();
    expect(blankToNull(' Sutrisno ')).toBe('Sutrisno');
  });
});
