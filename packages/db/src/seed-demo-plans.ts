import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { keyring } from './field-crypto.js';

const KENANGA = '3212162004';

/** A date `days` from today in Jakarta (UTC+7), as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + 7 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

type DemoPlan = {
  person: string;
  /** The person becomes calon PMI from this date when they are not yet. */
  since: string;
  plan: Record<string, string | number | boolean | null>;
  documents: Array<[kind: string, status: string, number?: string, office?: string]>;
};

// Three Kenanga plans: Darsih nearly ready for a factory in Taiwan through a licensed P3MI
// (passport in process, visa not yet); Rizky for Korea under G to G, early; and Rasminah,
// offered housework in Saudi Arabia on a tourist visa by a recruiter met on social media —
// the red flags the officer must explain. Names, numbers and offers are fictitious.
const plans = (): DemoPlan[] => [
  {
    person: 'Darsih',
    since: '2026-10-05',
    plan: {
      destination_country: 'TW', occupation: 'Operator pabrik elektronik', sector: 'formal', scheme: 'p_to_p',
      agency_name: 'PT Duta Karya Mandiri', agency_licence_number: 'KEP.123/PPTK/2022', job_order_reference: 'JO/TW/2026/0311',
      expected_departure_date: daysFromToday(120), visa_type: 'kerja', fees_asked_rupiah: 0, fees_to_personal_account: false,
      recruiter_contact: 'kantor', shelter_before_documents: false, contract_readable: true,
    },
    documents: [
      ['ktp_nik', 'lengkap', '3212165909900013', 'Disdukcapil Kabupaten Indramayu'],
      ['kk', 'lengkap'],
      ['akta_lahir', 'lengkap', '3212-LT-19900919-0042', 'Disdukcapil Kabupaten Indramayu'],
      ['surat_status_perkawinan', 'lengkap', '474/045/KNG/2026', 'Pemerintah Desa Kenanga'],
      ['izin_keluarga', 'lengkap'],
      ['sertifikat_kompetensi', 'lengkap', 'LSP-ELK/2026/0871', 'LSP Elektronika Indonesia'],
      ['pemeriksaan_kesehatan_psikologi', 'lengkap', 'MCU/IDM/2026/1120', 'Klinik Sehat Migran Indramayu'],
      ['bpjs_ketenagakerjaan', 'lengkap', '26012345678', 'BPJS Ketenagakerjaan Cabang Indramayu'],
      ['paspor', 'diproses', undefined, 'Kantor Imigrasi Cirebon'],
      ['visa_kerja', 'belum'],
    ],
  },
  {
    person: 'Rizky Maulana',
    since: '2026-09-01',
    plan: {
      destination_country: 'KR', occupation: 'Operator manufaktur', sector: 'formal', scheme: 'g_to_g',
      expected_departure_date: daysFromToday(240), visa_type: 'kerja', fees_asked_rupiah: 0, recruiter_contact: 'kantor',
    },
    documents: [
      ['ktp_nik', 'lengkap', '3212161703030010', 'Disdukcapil Kabupaten Indramayu'],
      ['kk', 'lengkap'],
      ['sertifikat_kompetensi', 'diproses', undefined, 'EPS-TOPIK (HRD Korea)'],
    ],
  },
  {
    person: 'Rasminah',
    since: daysFromToday(-10),
    plan: {
      destination_country: 'SA', occupation: 'Asisten rumah tangga', fee_free_occupation: 'pengurus_rumah_tangga', sector: 'domestik',
      scheme: 'mandiri', agency_name: 'Bu Yati (sponsor)', expected_departure_date: daysFromToday(14), visa_type: 'turis',
      fees_asked_rupiah: 12_500_000, fees_to_personal_account: true, recruiter_contact: 'media_sosial_saja',
      shelter_before_documents: true, contract_readable: false,
    },
    documents: [['ktp_nik', 'lengkap', '3212166802710017', 'Disdukcapil Kabupaten Indramayu'], ['paspor', 'diproses']],
  },
];

/** Visits of the last months: [days ago, person or visitor, service type, notes, follow-up in days]. */
const visits: Array<[number, { person: string } | { visitor: string }, string, string | null, number | null]> = [
  [2, { person: 'Darsih' }, 'pengurusan_dokumen', 'Menyerahkan fotokopi sertifikat kompetensi; paspor masih diproses di Imigrasi Cirebon.', 7],
  [3, { person: 'Rasminah' }, 'informasi_migrasi_aman', 'Ditawari kerja rumah tangga ke Arab Saudi lewat Facebook dengan visa turis. Sudah dijelaskan larangan dan risikonya.', 2],
  [6, { visitor: 'Yuyun Yuningsih' }, 'informasi_pasar_kerja', 'Tanya lowongan perawat lansia di Jepang.', null],
  [12, { person: 'Rizky Maulana' }, 'bimbingan_konseling', 'Persiapan ujian EPS-TOPIK.', 30],
  [20, { person: 'Warsono' }, 'layanan_keluarga_pmi', 'Menanyakan cara mengirim uang lebih murah dari Taiwan.', null],
  [33, { visitor: 'Kusnadi' }, 'informasi_migrasi_aman', null, null],
  [41, { person: 'Darsih' }, 'verifikasi_cpmi', 'Data KTP dan KK cocok dengan Disdukcapil.', null],
  [55, { person: 'Muhamad Sholeh' }, 'pengaduan_kasus', 'Istri di Hong Kong sulit dihubungi dua minggu.', 3],
  [70, { visitor: 'Eti Rohaeti' }, 'informasi_pasar_kerja', null, null],
];

/** Demo migration plans and service visits in Kenanga; does nothing when Kenanga already has plans. */
export async function seedDemoPlans(client: pg.PoolClient, officerId: string | null): Promise<void> {
  if (!officerId) return;
  const existing = await client.query('SELECT 1 FROM migration_plans WHERE village_code = $1 LIMIT 1', [KENANGA]);
  if (existing.rowCount) return;
  const personId = async (name: string) => {
    const { rows } = await client.query<{ id: string; migrant_status: string }>(
      'SELECT id, migrant_status FROM people WHERE village_code = $1 AND name = $2 AND deleted_at IS NULL',
      [KENANGA, name],
    );
    if (!rows[0]) throw new Error(`Demo resident ${name} is missing from the registry seed`);
    return rows[0];
  };

  for (const demo of plans()) {
    const person = await personId(demo.person);
    const planId = uuidv7();
    const columns = Object.keys(demo.plan);
    await client.query(
      `INSERT INTO migration_plans (id, village_code, person_id, created_by, ${columns.join(', ')})
       VALUES ($1, $2, $3, $4, ${columns.map((_, i) => `$${i + 5}`).join(', ')})`,
      [planId, KENANGA, person.id, officerId, ...Object.values(demo.plan)],
    );
    for (const [kind, status, number, office] of demo.documents) {
      await client.query(
        `INSERT INTO migration_documents (id, plan_id, village_code, kind, status, number, issuing_office, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [uuidv7(), planId, KENANGA, kind, status, keyring().sealOptional(number), office ?? null, officerId],
      );
    }
    if (person.migrant_status !== 'calon_pmi') {
      await client.query(
        `INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date, note, recorded_by)
         VALUES ($1, $2, $3, 'calon_pmi', $4, 'Rencana migrasi dibuat', $5)`,
        [uuidv7(), person.id, KENANGA, demo.since, officerId],
      );
      await client.query(`UPDATE people SET migrant_status = 'calon_pmi' WHERE id = $1`, [person.id]);
    }
  }

  for (const [daysAgo, who, serviceType, notes, followUpIn] of visits) {
    const id = 'person' in who ? (await personId(who.person)).id : null;
    await client.query(
      `INSERT INTO migration_services (id, village_code, person_id, visitor_name, service_type, service_date, officer_id, notes, follow_up_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [uuidv7(), KENANGA, id, 'visitor' in who ? who.visitor : null, serviceType, daysFromToday(-daysAgo), officerId, notes,
        followUpIn === null ? null : daysFromToday(-daysAgo + followUpIn)],
    );
  }
}
