import { nameVariantsKey } from '@desmigratif/domain';
import { describe, expect, it } from 'vitest';
import { nikIndex, seal } from '../../../test/sealed.js';
import { useTestApp } from '../../../test/support.js';

const t = useTestApp();

// The examples of packages/domain/src/identity/names.test.ts, and names as officers type them.
const names = [
  'Nuraini', 'Nur Aini', 'Siti Nurhaliza', 'SITTI NUR HALIZA', 'St. Nurhaliza', 'Achmad Soekarno', 'Ahmad Sukarno',
  'Akhmad Fauzi', 'Rachmat Hidayat', 'Mochammad Fachrul Rozi', 'Muhammad Fahrul Rozi', 'Khoirul Anam', 'Hoirul Anam',
  'Djoko Susilo', 'Tjandra Wijaya', 'Sjamsul Arifin', 'I Njoman Sudarta', 'Yoesoef Effendi', 'Ramadhan', 'Rudy Hartono',
  'Yanty Kusumawati', 'Hassan Basri', 'Nur Rahman', 'Wahyu Ningsih', 'Siti Romlah', 'Nurul Hidayah', 'Sri Mulyani',
  'Tarsih', 'Darsih', 'Chandra Wijaya', 'Roy Suryo', 'MUHAMAD RIZKI', 'M. Rizki', 'M Rizki', 'Moh. Rizki', 'Mhd. Rizki',
  'Ahmad M. Yusuf', 'M.', 'Aminah St', 'Abd. Rahman', "Ma'ruf Amin", 'Nu’man Hakim', 'Désy Ratnasari',
  'Abdul-Rahman, (Alm.)', 'Karsinah binti Tarmudi', 'Muhammad Rizky', 'Sitti Aminah', 'Mukhammad Yusuf', 'Muhammat',
  'Y', 'Ny. Dasih', 'I Gusti Ayu Made', 'Lalu Muhsin', 'Baiq Nurul', 'Yohanes Taek', '  ', '',
];

describe('person_name_fold (SQL) and nameVariantsKey (domain)', () => {
  it('fold every name the same way, so the database groups what the officer sees as one name', async () => {
    const { rows } = await t.pool.query<{ name: string; folded: string }>(
      `SELECT n AS name, person_name_fold(n) AS folded FROM unnest($1::text[]) n`,
      [names],
    );
    expect(rows.map((r) => [r.name, r.folded])).toEqual(names.map((n) => [n, nameVariantsKey(n)]));
  });

  it('keeps the folded keys on every person, the mother’s empty when unknown', async () => {
    const nik = '3212160101900001';
    const { rows } = await t.pool.query(
      `INSERT INTO people (id, village_code, nik, nik_bidx, name, name_key, sex, mother_name)
       VALUES ('01900000-0000-7000-8000-00000000f01d', '3212162004', $1, $2, 'Sitti Nur Haliza', 'siti nur haliza', 2, ' - ')
       RETURNING name_fold, mother_name_fold`,
      [seal(nik), nikIndex(nik)],
    );
    expect(rows).toEqual([{ name_fold: 'sitinurhaliza', mother_name_fold: null }]);
  });
});
