import { describe, expect, it } from 'vitest';
import { nameSimilarity, nameVariantsKey, normalizePersonName } from './names.js';

describe('normalizePersonName', () => {
  it('folds case, spaces, punctuation and accents', () => {
    expect(normalizePersonName('  SITI   aminah ')).toBe('siti aminah');
    expect(normalizePersonName("Ma'ruf Amin")).toBe('maruf amin');
    expect(normalizePersonName('Nu’man Hakim')).toBe('numan hakim');
    expect(normalizePersonName('Désy Ratnasari')).toBe('desy ratnasari');
    expect(normalizePersonName('Abdul-Rahman, (Alm.)')).toBe('abdul rahman alm');
    expect(normalizePersonName('   ')).toBe('');
  });

  it('writes every spelling and abbreviation of Muhammad the same way', () => {
    const written = [
      'Muhammad Rizki',
      'MUHAMAD RIZKI',
      'Mohammad Rizki',
      'Mohamad Rizki',
      'Mochammad Rizki',
      'Mochamad Rizki',
      'Muchammad Rizki',
      'Mukhammad Rizki',
      'Moh. Rizki',
      'Moch. Rizki',
      'Mohd Rizki',
      'Muh. Rizki',
      'Mhd. Rizki',
      'M. Rizki',
      'M Rizki',
    ];
    for (const name of written) expect(normalizePersonName(name), name).toBe('muhammad rizki');
    expect(normalizePersonName('Ahmad Muhamad Yusuf')).toBe('ahmad muhammad yusuf');
  });

  it('reads a lone M. or St. as Muhammad or Siti only in front of a longer name', () => {
    expect(normalizePersonName('Ahmad M. Yusuf')).toBe('ahmad m yusuf');
    expect(normalizePersonName('M.')).toBe('m');
    expect(normalizePersonName('St. Aminah')).toBe('siti aminah');
    expect(normalizePersonName('Sitti Aminah')).toBe('siti aminah');
    expect(normalizePersonName('Aminah St')).toBe('aminah st');
  });

  it('writes Abd. out as Abdul but keeps Nur and Nurul apart', () => {
    expect(normalizePersonName('Abd. Rahman')).toBe('abdul rahman');
    expect(normalizePersonName('Nurul Hidayah')).toBe('nurul hidayah');
    expect(normalizePersonName('Nur Hidayah')).toBe('nur hidayah');
  });
});

describe('nameVariantsKey', () => {
  it.each([
    ['Nuraini', 'Nur Aini'],
    ['Siti Nurhaliza', 'SITTI NUR HALIZA'],
    ['St. Nurhaliza', 'Siti Nurhaliza'],
    ['Achmad Soekarno', 'Ahmad Sukarno'],
    ['Akhmad Fauzi', 'Ahmad Fauzi'],
    ['Rachmat Hidayat', 'Rahmat Hidayat'],
    ['Mochammad Fachrul Rozi', 'Muhammad Fahrul Rozi'],
    ['Khoirul Anam', 'Hoirul Anam'],
    ['Djoko Susilo', 'Joko Susilo'],
    ['Tjandra Wijaya', 'Candra Wijaya'],
    ['Sjamsul Arifin', 'Syamsul Arifin'],
    ['I Njoman Sudarta', 'I Nyoman Sudarta'],
    ['Yoesoef Effendi', 'Yusuf Efendi'],
    ['Ramadhan', 'Ramadan'],
    ['Rudy Hartono', 'Rudi Hartono'],
    ['Yanty Kusumawati', 'Yanti Kusumawati'],
    ['Hassan Basri', 'Hasan Basri'],
    ['Nur Rahman', 'Nurrahman'],
    ['Wahyu Ningsih', 'Wahyuningsih'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(nameVariantsKey(a)).toBe(nameVariantsKey(b));
  });

  it.each([
    ['Siti Aminah', 'Siti Romlah'],
    ['Nurul Hidayah', 'Nur Hidayah'],
    ['Sri Mulyani', 'Sri Mulyati'],
    ['Tarsih', 'Darsih'],
    ['Chandra Wijaya', 'Handra Wijaya'],
    ['Roy Suryo', 'Roi Suryo'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(nameVariantsKey(a)).not.toBe(nameVariantsKey(b));
  });

  it('is readable: letters only, no spaces', () => {
    expect(nameVariantsKey('Mochammad Fachrul Rozi')).toBe('muhamadfahrulrozi');
    expect(nameVariantsKey('Sitti Nur Haliza')).toBe('sitinurhaliza');
    expect(nameVariantsKey('')).toBe('');
  });
});

describe('nameSimilarity', () => {
  // Scores are PostgreSQL's similarity() of the normalized names.
  it('scores spelling variants of one person high', () => {
    expect(nameSimilarity('MUHAMMAD RIZKI', 'M. Rizky')).toBe(0.7647059);
    expect(nameSimilarity('Siti Nurhaliza', 'Sitti Nur Haliza')).toBe(0.7222222);
    expect(nameSimilarity('Rudy Hartono', 'Rudi Hartono')).toBe(0.73333335);
    expect(nameSimilarity('Moh. Rizki', 'Mochamad Rizki')).toBe(1);
  });

  it('scores different people sharing a first name lower', () => {
    expect(nameSimilarity('Siti Aminah', 'Siti Romlah')).toBe(0.33333334);
    expect(nameSimilarity('Karsinah binti Tarmudi', 'Karsinah')).toBe(0.39130434);
    expect(nameSimilarity('Sri Mulyani', 'Dewi Sartika')).toBeLessThan(0.1);
  });
});
