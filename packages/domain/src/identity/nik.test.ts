import { describe, expect, it } from 'vitest';
import { parseNik } from './nik.js';

const today = '2025-06-15';

describe('parseNik: numbers that are right', () => {
  it('reads a woman born 12 March 1990, first registered in Kec. Sindang, Indramayu', () => {
    // Day 52 = 12 + 40: the day of a woman's birth carries 40 extra.
    expect(parseNik('3212165203900001', { today })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      issues: [],
      normalized: '3212165203900001',
      temporary: false,
      provinceCode: '32',
      regencyCode: '3212',
      districtCode: '321216',
      villageCode: null,
      birthDate: '1990-03-12',
      sex: 'P',
      serial: '0001',
    });
  });

  it('reads a man born 1 January 2001 in Kec. Watumalang, Wonosobo', () => {
    const result = parseNik('3307100101010002', { today });
    expect(result).toMatchObject({ valid: true, birthDate: '2001-01-01', sex: 'L', districtCode: '330710', serial: '0002' });
  });

  it('reads a child born earlier this year as born this year', () => {
    expect(parseNik('3212160306250003', { today })).toMatchObject({ valid: true, birthDate: '2025-06-03', sex: 'L' });
    expect(parseNik('3212161506250003', { today }).birthDate).toBe('2025-06-15');
  });

  it('never puts a birth in the future: a date later this year is read a century back', () => {
    // 15-12-25 seen on 15 June 2025 cannot be December 2025.
    expect(parseNik('3212161512250001', { today }).birthDate).toBe('1925-12-15');
    expect(parseNik('3212160107990001', { today }).birthDate).toBe('1999-07-01');
    expect(parseNik('3212160107000001', { today }).birthDate).toBe('2000-07-01');
  });

  it('accepts 29 February in a leap year, for men and women', () => {
    expect(parseNik('3212162902960001', { today })).toMatchObject({ valid: true, birthDate: '1996-02-29', sex: 'L' });
    expect(parseNik('3212166902960001', { today })).toMatchObject({ valid: true, birthDate: '1996-02-29', sex: 'P' });
    expect(parseNik('3212162902000001', { today })).toMatchObject({ valid: true, birthDate: '2000-02-29' });
  });

  it('reads the last day of the range for women (71 = 31st)', () => {
    expect(parseNik('3212167101850001', { today })).toMatchObject({ valid: true, birthDate: '1985-01-31', sex: 'P' });
  });

  it('cleans spaces, dots, no-break and zero-width spaces, BOMs and full-width digits', () => {
    const written = [
      '3212 1652 0390 0001',
      '32.12.16.520390.0001',
      ' 3212165203900001\n',
      '3212\u00A0165203900001',
      '3212\u200B1652\u200C0390\u200D0001',
      '\uFEFF3212165203900001\u200E',
      '３２１２１６５２０３９００００１',
    ];
    for (const nik of written) {
      expect(parseNik(nik, { today }), JSON.stringify(nik)).toMatchObject({ valid: true, normalized: '3212165203900001' });
    }
  });

  it('uses today in Asia/Jakarta when no date is given', () => {
    expect(parseNik('3212165203900001').birthDate).toBe('1990-03-12');
  });

  it('refuses a malformed `today`, which is a programming error', () => {
    expect(() => parseNik('3212165203900001', { today: '15-06-2025' })).toThrow(RangeError);
  });
});

describe('parseNik: errors an officer sees', () => {
  it('says a NIK must be 16 digits when it is shorter, longer, empty or not digits', () => {
    for (const nik of ['321216520390001', '32121652039000011', '', '3212-1652-0390-0001', '3212165203900O01', '3.21216520390000E+15']) {
      const result = parseNik(nik, { today });
      expect(result.errors, nik).toEqual(['NIK_FORMAT']);
      expect(result.issues[0]).toEqual({ code: 'NIK_FORMAT', severity: 'error', message: 'NIK harus 16 digit angka' });
      expect(result).toMatchObject({ valid: false, normalized: null, provinceCode: null, birthDate: null, sex: null });
    }
  });

  it('names the unknown province, regency or district, dotted', () => {
    expect(parseNik('9912165203900001', { today }).issues).toEqual([
      { code: 'NIK_PROVINCE_UNKNOWN', severity: 'error', message: 'Kode provinsi 99 pada NIK tidak dikenal' },
    ]);
    expect(parseNik('3299165203900001', { today }).issues).toEqual([
      { code: 'NIK_REGENCY_UNKNOWN', severity: 'error', message: 'Kode kabupaten/kota 32.99 pada NIK tidak dikenal' },
    ]);
    expect(parseNik('3212995203900001', { today }).issues).toEqual([
      { code: 'NIK_DISTRICT_UNKNOWN', severity: 'error', message: 'Kode kecamatan 32.12.99 pada NIK tidak dikenal' },
    ]);
  });

  it('still decodes the rest when the region is unknown', () => {
    expect(parseNik('9912165203900001', { today })).toMatchObject({
      valid: false,
      provinceCode: '99',
      birthDate: '1990-03-12',
      sex: 'P',
    });
  });

  it('reports codes of regions that were split later as unknown (documented pemekaran caveat)', () => {
    // Merauke was 91.01 until Papua Selatan was formed in 2022; it is now 93.01.
    expect(parseNik('9101015203900001', { today }).errors).toEqual(['NIK_REGENCY_UNKNOWN']);
    expect(parseNik('9301015203900001', { today }).valid).toBe(true);
  });

  it.each([
    ['3212163203900001', 'tanggal 32'],
    ['3212160003900001', 'tanggal 00'],
    ['3212164003900001', 'tanggal 40'],
    ['3212167203900001', 'tanggal 72'],
    ['3212161213900001', 'bulan 13'],
    ['3212161200900001', 'bulan 00'],
    ['3212163002900001', '30 Februari 1990'],
    ['3212167002900001', '30 Februari 1990'],
    ['3212162902010001', '29 Februari 2001'],
    ['3212163104900001', '31 April 1990'],
  ])('says the birth date in %s is impossible (%s)', (nik, detail) => {
    const result = parseNik(nik, { today });
    expect(result.issues).toEqual([
      { code: 'NIK_BIRTH_DATE_INVALID', severity: 'error', message: `Tanggal lahir dalam NIK tidak mungkin (${detail})` },
    ]);
    expect(result).toMatchObject({ valid: false, birthDate: null, districtCode: '321216' });
  });

  it('keeps the sex when only the month or the day of the month is wrong', () => {
    expect(parseNik('3212167002900001', { today }).sex).toBe('P');
    expect(parseNik('3212163203900001', { today }).sex).toBeNull();
  });

  it('refuses serial 0000', () => {
    expect(parseNik('3212165203900000', { today }).issues).toEqual([
      { code: 'NIK_SERIAL_ZERO', severity: 'error', message: 'Nomor urut di akhir NIK tidak boleh nol' },
    ]);
  });

  it('reports every error at once, in the order of the digits', () => {
    expect(parseNik('9912163203900000', { today }).errors).toEqual([
      'NIK_PROVINCE_UNKNOWN',
      'NIK_BIRTH_DATE_INVALID',
      'NIK_SERIAL_ZERO',
    ]);
  });
});

describe('parseNik: warnings against the record', () => {
  it('warns when the recorded birth date differs, but keeps the NIK valid', () => {
    const result = parseNik('3212165203900001', { today, birthDate: '1990-03-13' });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual(['NIK_BIRTH_DATE_MISMATCH']);
    expect(result.issues).toEqual([
      {
        code: 'NIK_BIRTH_DATE_MISMATCH',
        severity: 'warning',
        message: 'Tanggal lahir di NIK (12-03-1990) berbeda dengan tanggal lahir tercatat (13-03-1990)',
      },
    ]);
  });

  it('warns when the recorded sex differs', () => {
    const result = parseNik('3212165203900001', { today, sex: 'L' });
    expect(result).toMatchObject({ valid: true, warnings: ['NIK_SEX_MISMATCH'] });
    expect(result.issues[0]?.message).toBe('NIK menunjukkan jenis kelamin perempuan, tetapi yang tercatat laki-laki');
    expect(parseNik('3307100101010002', { today, sex: 'P' }).issues[0]?.message).toBe(
      'NIK menunjukkan jenis kelamin laki-laki, tetapi yang tercatat perempuan',
    );
  });

  it('gives both warnings when a woman was recorded as a man born a day later', () => {
    const result = parseNik('3212165203900001', { today, birthDate: '1990-03-13', sex: 'L' });
    expect(result).toMatchObject({ valid: true, errors: [], warnings: ['NIK_BIRTH_DATE_MISMATCH', 'NIK_SEX_MISMATCH'] });
  });

  it('is silent when NIK and record agree', () => {
    expect(parseNik('3212165203900001', { today, birthDate: '1990-03-12', sex: 'P' }).issues).toEqual([]);
  });

  it('takes the century from the record, so a centenarian is not read as a baby', () => {
    // 12-03-25 alone would be 2025; the record says 1925.
    const result = parseNik('3212165203250001', { today, birthDate: '1925-03-12' });
    expect(result).toMatchObject({ valid: true, birthDate: '1925-03-12', warnings: [] });
    expect(parseNik('3212165203250001', { today }).birthDate).toBe('2025-03-12');
  });

  it('does not take a century from the record that would put the birth after today', () => {
    const result = parseNik('3212161512250001', { today, birthDate: '2025-12-15' });
    expect(result.birthDate).toBe('1925-12-15');
    expect(result.warnings).toEqual(['NIK_BIRTH_DATE_MISMATCH']);
  });

  it('compares across centuries when the years differ', () => {
    expect(parseNik('3212160101990001', { today, birthDate: '2001-01-01' }).issues[0]?.message).toBe(
      'Tanggal lahir di NIK (01-01-1999) berbeda dengan tanggal lahir tercatat (01-01-2001)',
    );
  });

  it('ignores a recorded birth date that is not a date (its own field reports that)', () => {
    expect(parseNik('3212165203900001', { today, birthDate: '1990-02-30' }).issues).toEqual([]);
  });

  it('gives no date warning when the NIK date itself is impossible', () => {
    expect(parseNik('3212163203900001', { today, birthDate: '1990-03-12' }).errors).toEqual(['NIK_BIRTH_DATE_INVALID']);
    expect(parseNik('3212163203900001', { today, birthDate: '1990-03-12' }).warnings).toEqual([]);
  });
});

describe('parseNik: OpenSID temporary NIK', () => {
  it('accepts a temporary NIK made in Kenanga without decoding a birth date', () => {
    expect(parseNik('0321216200400001', { today, birthDate: '1990-03-12', sex: 'P' })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      issues: [],
      normalized: '0321216200400001',
      temporary: true,
      provinceCode: '32',
      regencyCode: '3212',
      districtCode: '321216',
      villageCode: '3212162004',
      birthDate: null,
      sex: null,
      serial: '00001',
    });
  });

  it('checks the district inside the village code of a temporary NIK', () => {
    expect(parseNik('0329916200400001', { today }).issues).toEqual([
      { code: 'NIK_REGENCY_UNKNOWN', severity: 'error', message: 'Kode kabupaten/kota 32.99 pada NIK tidak dikenal' },
    ]);
  });

  it('refuses sequence 00000 in a temporary NIK', () => {
    expect(parseNik('0321216200400000', { today }).errors).toEqual(['NIK_SERIAL_ZERO']);
  });
});
