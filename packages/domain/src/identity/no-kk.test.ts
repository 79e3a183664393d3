import { describe, expect, it } from 'vitest';
import { parseNoKk } from './no-kk.js';

const today = '2025-06-15';

describe('parseNoKk', () => {
  it('reads a family card issued in Kec. Sindang on 3 February 2020', () => {
    expect(parseNoKk('3212160302200007', { today })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      issues: [],
      normalized: '3212160302200007',
      temporary: false,
      provinceCode: '32',
      regencyCode: '3212',
      districtCode: '321216',
      villageCode: null,
      issueDate: '2020-02-03',
      serial: '0007',
    });
  });

  it('reads two-digit years up to this year as 20YY, later ones as 19YY', () => {
    expect(parseNoKk('3307101506250001', { today }).issueDate).toBe('2025-06-15');
    expect(parseNoKk('3307101712990001', { today }).issueDate).toBe('1999-12-17');
  });

  it('does not add 40 to the day: day 52 is impossible on a KK', () => {
    expect(parseNoKk('3212165203200001', { today }).issues).toEqual([
      {
        code: 'NO_KK_ISSUE_DATE_INVALID',
        severity: 'error',
        message: 'Tanggal terbit dalam nomor KK tidak mungkin (tanggal 52)',
      },
    ]);
  });

  it.each([
    ['3212160003200001', 'tanggal 00'],
    ['3212161513200001', 'bulan 13'],
    ['3212163002200001', '30 Februari 2020'],
    ['3212162902210001', '29 Februari 2021'],
  ])('says the issue date in %s is impossible (%s)', (noKk, detail) => {
    expect(parseNoKk(noKk, { today })).toMatchObject({
      valid: false,
      errors: ['NO_KK_ISSUE_DATE_INVALID'],
      issueDate: null,
    });
    expect(parseNoKk(noKk, { today }).issues[0]?.message).toBe(`Tanggal terbit dalam nomor KK tidak mungkin (${detail})`);
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseNoKk('3212162902200001', { today })).toMatchObject({ valid: true, issueDate: '2020-02-29' });
  });

  it('refuses an issue date later than today', () => {
    const result = parseNoKk('3212161512250001', { today });
    expect(result).toMatchObject({ valid: false, issueDate: '2025-12-15' });
    expect(result.issues).toEqual([
      {
        code: 'NO_KK_ISSUE_DATE_FUTURE',
        severity: 'error',
        message: 'Tanggal terbit dalam nomor KK (15-12-2025) belum terjadi',
      },
    ]);
    expect(parseNoKk('3212161606250001', { today }).errors).toEqual(['NO_KK_ISSUE_DATE_FUTURE']);
  });

  it('names a wrong format, unknown region and zero serial', () => {
    expect(parseNoKk('32121603022000', { today }).issues).toEqual([
      { code: 'NO_KK_FORMAT', severity: 'error', message: 'Nomor KK harus 16 digit angka' },
    ]);
    expect(parseNoKk('9912160302200007', { today }).issues[0]?.message).toBe('Kode provinsi 99 pada nomor KK tidak dikenal');
    expect(parseNoKk('3299160302200007', { today }).issues[0]?.message).toBe(
      'Kode kabupaten/kota 32.99 pada nomor KK tidak dikenal',
    );
    expect(parseNoKk('3212990302200007', { today }).issues[0]?.message).toBe(
      'Kode kecamatan 32.12.99 pada nomor KK tidak dikenal',
    );
    expect(parseNoKk('3212160302200000', { today }).issues).toEqual([
      { code: 'NO_KK_SERIAL_ZERO', severity: 'error', message: 'Nomor urut di akhir nomor KK tidak boleh nol' },
    ]);
  });

  it('cleans what is pasted from a scanned KK', () => {
    expect(parseNoKk('3212 1603 0220 0007\u200B', { today }).normalized).toBe('3212160302200007');
  });

  it('accepts an OpenSID temporary KK number without an issue date', () => {
    expect(parseNoKk('0321216200400012', { today })).toMatchObject({
      valid: true,
      temporary: true,
      villageCode: '3212162004',
      districtCode: '321216',
      issueDate: null,
      serial: '00012',
    });
    expect(parseNoKk('0321299200400012', { today }).errors).toEqual(['NO_KK_DISTRICT_UNKNOWN']);
  });

  it('refuses a malformed `today`', () => {
    expect(() => parseNoKk('3212160302200007', { today: '2025-02-30' })).toThrow(RangeError);
  });
});
