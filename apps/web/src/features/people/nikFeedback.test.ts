// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nikFeedback } from './nikFeedback';

const typing = { birthDate: '', sex: '', settled: false };
const settled = { birthDate: '', sex: '', settled: true };

describe('nikFeedback', () => {
  it('says nothing about an empty field', () => {
    expect(nikFeedback('', settled)).toEqual({ digits: 0, errors: [], warnings: [], temporary: false });
  });

  it('waits while the first digits are typed, then names the format error', () => {
    expect(nikFeedback('321216520390000', typing)).toMatchObject({ digits: 15, errors: [] });
    expect(nikFeedback('321216520390000', settled).errors).toEqual(['NIK harus 16 digit angka']);
  });

  it('flags letters at once', () => {
    expect(nikFeedback('3212a', typing).errors).toEqual(['NIK harus 16 digit angka']);
  });

  it('names an unknown region and an impossible date as errors', () => {
    expect(nikFeedback('9912165203900001', typing).errors).toEqual(['Kode provinsi 99 pada NIK tidak dikenal']);
    expect(nikFeedback('3212163203900001', typing).errors).toEqual([
      'Tanggal lahir dalam NIK tidak mungkin (tanggal 32)',
    ]);
  });

  it('warns, without blocking, when the NIK disagrees with the birth date and sex typed', () => {
    const feedback = nikFeedback('3212-1652-0390-0001', { birthDate: '1990-03-13', sex: '1', settled: true });
    expect(feedback.errors).toEqual([]);
    expect(feedback.warnings).toEqual([
      'Tanggal lahir di NIK (12-03-1990) berbeda dengan tanggal lahir tercatat (13-03-1990)',
      'NIK menunjukkan jenis kelamin perempuan, tetapi yang tercatat laki-laki',
    ]);
  });

  it('recognises a temporary NIK', () => {
    expect(nikFeedback('0321216200400001', settled)).toMatchObject({ errors: [], warnings: [], temporary: true });
  });
});
