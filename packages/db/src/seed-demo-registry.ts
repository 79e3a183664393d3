import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { BLIND, keyring } from './field-crypto.js';

type DemoResident = {
  name: string;
  sex: 1 | 2;
  birthDate: string;
  /** SHDK: 1 kepala keluarga, 3 istri, 4 anak, 7 orang tua. */
  relationship: number;
  occupation: number;
  status?: { status: 'calon_pmi' | 'pmi' | 'purna_pmi' | 'keluarga_pmi'; since: string; note?: string };
};

type DemoFamily = { dusun: string; rt: string; rw: string; issued: string; members: DemoResident[] };

/** A NIK as Dukcapil builds it: district of registration, birth date (+40 on the day for women), serial. */
export function demoNik(district: string, birthDate: string, sex: 1 | 2, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 2 ? 40 : 0);
  return `${district}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

function demoNoKk(district: string, issued: string, serial: number): string {
  const [y, m, d] = issued.split('-');
  return `${district}${d}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

// Fictitious families of Kenanga (Sindang, Indramayu): migrants to Taiwan and Hong Kong,
// spouses and children left behind, a returned worker, a prospective one.
const KENANGA_FAMILIES: DemoFamily[] = [
  { dusun: 'Kenanga Lor', rt: '001', rw: '001', issued: '2016-04-11', members: [
    { name: 'Warsono', sex: 1, birthDate: '1982-02-14', relationship: 1, occupation: 9, status: { status: 'keluarga_pmi', since: '2021-03-01' } },
    { name: 'Sri Mulyani', sex: 2, birthDate: '1986-07-09', relationship: 3, occupation: 2, status: { status: 'pmi', since: '2021-03-01', note: 'Perawat lansia di Taiwan' } },
    { name: 'Dimas Prasetyo', sex: 1, birthDate: '2009-11-30', relationship: 4, occupation: 3, status: { status: 'keluarga_pmi', since: '2021-03-01' } },
    { name: 'Nur Aini', sex: 2, birthDate: '2014-05-21', relationship: 4, occupation: 3, status: { status: 'keluarga_pmi', since: '2021-03-01' } },
  ] },
  { dusun: 'Kenanga Lor', rt: '002', rw: '001', issued: '2012-09-03', members: [
    { name: 'Carman', sex: 1, birthDate: '1978-01-05', relationship: 1, occupation: 9 },
    { name: 'Tarsini', sex: 2, birthDate: '1980-10-12', relationship: 3, occupation: 88, status: { status: 'purna_pmi', since: '2024-08-15', note: 'Kembali dari Hong Kong, kontrak selesai' } },
    { name: 'Rizky Maulana', sex: 1, birthDate: '2003-03-17', relationship: 4, occupation: 1, status: { status: 'calon_pmi', since: '2026-09-01', note: 'Minat kerja pabrik di Korea (G to G)' } },
  ] },
  { dusun: 'Kenanga Kidul', rt: '003', rw: '002', issued: '2019-01-22', members: [
    { name: 'Muhamad Sholeh', sex: 1, birthDate: '1975-12-01', relationship: 1, occupation: 6, status: { status: 'keluarga_pmi', since: '2019-05-01' } },
    { name: 'Kartini', sex: 2, birthDate: '1979-04-25', relationship: 3, occupation: 2, status: { status: 'pmi', since: '2019-05-01', note: 'Asisten rumah tangga di Hong Kong' } },
    { name: 'Siti Nurhaliza', sex: 2, birthDate: '2011-08-08', relationship: 4, occupation: 3, status: { status: 'keluarga_pmi', since: '2019-05-01' } },
    { name: 'Casmirah', sex: 2, birthDate: '1950-06-30', relationship: 7, occupation: 2 },
  ] },
  { dusun: 'Kenanga Kidul', rt: '004', rw: '002', issued: '2020-07-14', members: [
    { name: 'Darsih', sex: 2, birthDate: '1990-09-19', relationship: 1, occupation: 88, status: { status: 'calon_pmi', since: '2026-10-05', note: 'Proses dokumen ke Taiwan melalui P3MI' } },
    { name: 'Aulia Rahmawati', sex: 2, birthDate: '2016-12-02', relationship: 4, occupation: 1 },
  ] },
  { dusun: 'Blok Mangga', rt: '005', rw: '003', issued: '2015-03-12', members: [
    { name: 'Tarmuji', sex: 1, birthDate: '1968-11-11', relationship: 1, occupation: 9, status: { status: 'purna_pmi', since: '2010-01-20', note: 'Pernah bekerja di Arab Saudi' } },
    { name: 'Rasminah', sex: 2, birthDate: '1971-02-28', relationship: 3, occupation: 2 },
    { name: 'Wahyu Hidayat', sex: 1, birthDate: '1995-06-06', relationship: 4, occupation: 88, status: { status: 'pmi', since: '2022-11-01', note: 'Anak buah kapal perikanan' } },
  ] },
];

/** Puts a small, realistic registry into Kenanga so the registry screens have something to show. */
export async function seedDemoRegistry(
  client: pg.PoolClient,
  nameKey: (name: string) => string,
  createdBy: string | null,
): Promise<number> {
  const village = '3212162004';
  const district = village.slice(0, 6);
  let serial = 1;
  let people = 0;
  for (const [index, family] of KENANGA_FAMILIES.entries()) {
    const familyId = uuidv7();
    await client.query(`INSERT INTO families (id, village_code, dusun, rt, rw, address, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      familyId, village, family.dusun, family.rt, family.rw, `${family.dusun} RT ${family.rt} RW ${family.rw}`, createdBy,
    ]);
    const noKk = demoNoKk(district, family.issued, index + 1);
    await client.query(
      `INSERT INTO family_card_numbers (id, family_id, village_code, no_kk, no_kk_bidx, valid_from, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [uuidv7(), familyId, village, keyring().seal(noKk), keyring().blindIndex(BLIND.noKk, noKk), family.issued, createdBy],
    );
    for (const m of family.members) {
      const id = uuidv7();
      const nik = demoNik(district, m.birthDate, m.sex, serial++);
      await client.query(
        `INSERT INTO people (id, village_code, family_id, nik, nik_bidx, name, name_key, sex, birth_place, birth_date, religion, family_relationship,
                             occupation, marital_status, dusun, rt, rw, address, migrant_status, created_by)
         VALUES ($1, $2, $3, $4, $18, $5, $6, $7, 'Indramayu', $8, 1, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [id, village, familyId, keyring().seal(nik), m.name, nameKey(m.name), m.sex, m.birthDate, m.relationship,
          m.occupation, m.relationship === 4 ? 1 : 2, family.dusun, family.rt, family.rw, `${family.dusun} RT ${family.rt} RW ${family.rw}`,
          m.status?.status ?? 'bukan_pmi', createdBy, keyring().blindIndex(BLIND.nik, nik)],
      );
      if (m.relationship === 1) await client.query(`UPDATE families SET head_person_id = $1 WHERE id = $2`, [id, familyId]);
      if (m.status) {
        await client.query(
          `INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [uuidv7(), id, village, m.status.status, m.status.since, m.status.note ?? null, createdBy],
        );
      }
      await client.query(`INSERT INTO person_consents (id, person_id, village_code, basis, recorded_by) VALUES ($1, $2, $3, 'kewajiban_hukum', $4)`, [
        uuidv7(), id, village, createdBy,
      ]);
      people++;
    }
    // Each migrant abroad is linked to the family members left behind.
    const pairs = await client.query<{ migrant_id: string; relative_id: string; relation: string }>(
      `SELECT m.id AS migrant_id, r.id AS relative_id,
              CASE WHEN r.family_relationship = 4 THEN 'anak' WHEN r.family_relationship IN (1, 3) THEN 'pasangan' ELSE 'lainnya' END AS relation
         FROM people m JOIN people r ON r.family_id = m.family_id AND r.id <> m.id AND r.migrant_status = 'keluarga_pmi'
        WHERE m.family_id = $1 AND m.migrant_status = 'pmi'`,
      [familyId],
    );
    for (const pair of pairs.rows) {
      await client.query(
        `INSERT INTO migrant_family_links (id, village_code, migrant_id, relative_id, relation, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [uuidv7(), village, pair.migrant_id, pair.relative_id, pair.relation, createdBy],
      );
    }
  }
  return people;
}
