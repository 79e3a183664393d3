import { describe, expect, it } from 'vitest';
import { formatLetterNumber, indonesianDate, initialsOf, permissionRelationInKk } from './letters-format.js';

describe('letter helpers', () => {
  it('numbers letters per village and year with three digits at least', () => {
    expect(formatLetterNumber('izin_keluarga', 1, 2026)).toBe('474/001/IZIN/2026');
    expect(formatLetterNumber('rekomendasi_desa', 42, 2027)).toBe('474/042/REKOM/2027');
    expect(formatLetterNumber('izin_keluarga', 1234, 2026)).toBe('474/1234/IZIN/2026');
  });

  it('writes dates the Indonesian way', () => {
    expect(indonesianDate('2026-11-22')).toBe('22 November 2026');
    expect(indonesianDate('2026-01-05')).toBe('5 Januari 2026');
  });

  it('reduces a name to its initials', () => {
    expect(initialsOf('Siti Nur Aminah')).toBe('S. N. A.');
    expect(initialsOf('  ahmad   fauzi ')).toBe('A. F.');
    expect(initialsOf("Ni'mah (Ema)")).toBe('N. E.');
  });

  it('knows spouses and parents within one KK', () => {
    expect(permissionRelationInKk(1, 3)).toBe('pasangan');
    expect(permissionRelationInKk(3, 1)).toBe('pasangan');
    expect(permissionRelationInKk(4, 1)).toBe('orang_tua');
    expect(permissionRelationInKk(4, 3)).toBe('orang_tua');
    expect(permissionRelationInKk(1, 7)).toBe('orang_tua');
    expect(permissionRelationInKk(1, 4)).toBeNull();
    expect(permissionRelationInKk(4, 4)).toBeNull();
    expect(permissionRelationInKk(null, 1)).toBeNull();
  });
});
