import { describe, expect, it } from 'vitest';
import { describeIdentityIssue, identityMessages, summarizeIssues, identityIssue } from './issues.js';

describe('identity issue messages', () => {
  it('has an Indonesian message for every code', () => {
    expect(Object.keys(identityMessages)).toHaveLength(15);
    expect(describeIdentityIssue('NIK_FORMAT')).toBe('NIK harus 16 digit angka');
    expect(describeIdentityIssue('NIK_PROVINCE_UNKNOWN', { code: '99' })).toBe('Kode provinsi 99 pada NIK tidak dikenal');
    expect(describeIdentityIssue('NIK_DISTRICT_UNKNOWN', { code: '321299' })).toBe(
      'Kode kecamatan 32.12.99 pada NIK tidak dikenal',
    );
    expect(describeIdentityIssue('NIK_BIRTH_DATE_INVALID', { detail: 'tanggal 32' })).toBe(
      'Tanggal lahir dalam NIK tidak mungkin (tanggal 32)',
    );
    expect(describeIdentityIssue('NIK_BIRTH_DATE_MISMATCH', { found: '1990-03-12', expected: '1990-03-13' })).toBe(
      'Tanggal lahir di NIK (12-03-1990) berbeda dengan tanggal lahir tercatat (13-03-1990)',
    );
    expect(describeIdentityIssue('NO_KK_ISSUE_DATE_FUTURE', { found: '2025-12-15' })).toBe(
      'Tanggal terbit dalam nomor KK (15-12-2025) belum terjadi',
    );
  });

  it('marks only the record mismatches as warnings', () => {
    const summary = summarizeIssues([
      identityIssue('NIK_SEX_MISMATCH', { found: 'P', expected: 'L' }),
      identityIssue('NIK_SERIAL_ZERO'),
      identityIssue('NIK_PROVINCE_UNKNOWN', { code: '99' }),
    ]);
    expect(summary.valid).toBe(false);
    expect(summary.errors).toEqual(['NIK_PROVINCE_UNKNOWN', 'NIK_SERIAL_ZERO']);
    expect(summary.warnings).toEqual(['NIK_SEX_MISMATCH']);
    expect(summarizeIssues([identityIssue('NIK_SEX_MISMATCH', { found: 'P', expected: 'L' })]).valid).toBe(true);
  });
});
