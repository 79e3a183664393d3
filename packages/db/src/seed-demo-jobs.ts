import type pg from 'pg';

/**
 * Demo licensed agencies, job orders and the Kenanga centre's address and hours, for the
 * public page and the agency and job screens. Company names and licence numbers are made
 * up (any likeness to a real P3MI is chance); ids are fixed so that running it again
 * changes nothing.
 */
const AGENCIES = [
  {
    id: '01930000-0000-7000-8000-0000000a0001',
    name: 'PT Duta Karya Mandiri',
    licence: 'KEP.123/PPTK/2022',
    validUntil: '2027-06-30',
    address: 'Jl. Raya Cibubur No. 17, Jakarta Timur',
    branches: [{ name: 'Cabang Indramayu', address: 'Jl. Jend. Sudirman No. 45, Indramayu' }],
  },
  {
    id: '01930000-0000-7000-8000-0000000a0002',
    name: 'PT Bina Tenaga Sejahtera',
    licence: 'KEP.077/PPTK/2020',
    validUntil: '2028-02-28',
    address: 'Jl. Pemuda No. 8, Semarang',
    branches: [{ name: 'Cabang Wonosobo', address: 'Jl. A. Yani No. 12, Wonosobo' }],
  },
  {
    id: '01930000-0000-7000-8000-0000000a0003',
    name: 'PT Samudera Awak Nusantara',
    licence: 'KEP.045/PPTK/2019',
    validUntil: '2024-12-31',
    address: 'Jl. Pelabuhan No. 3, Tegal',
    branches: [],
  },
] as const;

const JOB_ORDERS = [
  {
    id: '01930000-0000-7000-8000-0000000b0001',
    country: 'HK',
    occupation: 'Pengurus rumah tangga',
    sector: 'domestik',
    scheme: 'p_to_p',
    agencyId: AGENCIES[0].id,
    quota: 25,
    salary: [4990, 'HKD'],
    closing: '2027-03-31',
    reference: 'JO/HK/2026/0113',
    description: 'Mengurus rumah tangga keluarga di Hong Kong; kontrak 2 tahun; libur 1 hari per minggu.',
    requirements: 'Perempuan 21–40 tahun, sehat, lulus pelatihan dan uji kompetensi. Bebas biaya penempatan.',
    verified: true,
  },
  {
    id: '01930000-0000-7000-8000-0000000b0002',
    country: 'TW',
    occupation: 'Operator pabrik elektronik',
    sector: 'formal',
    scheme: 'p_to_p',
    agencyId: AGENCIES[1].id,
    quota: 40,
    salary: [27470, 'TWD'],
    closing: '2027-01-15',
    reference: 'JO/TW/2026/0458',
    description: 'Perakitan komponen elektronik, kerja bergilir (shift).',
    requirements: 'Laki-laki atau perempuan 20–35 tahun, minimal SMP, tinggi minimal 155 cm.',
    verified: true,
  },
  {
    id: '01930000-0000-7000-8000-0000000b0003',
    country: 'KR',
    occupation: 'Pekerja manufaktur (EPS)',
    sector: 'formal',
    scheme: 'g_to_g',
    agencyId: null,
    quota: 500,
    salary: [2060740, 'KRW'],
    closing: '2027-05-31',
    reference: 'EPS-TOPIK 2026',
    description: 'Program G to G Korea (EPS): pendaftaran dan ujian bahasa Korea melalui pemerintah, tanpa agensi.',
    requirements: 'Usia 18–39 tahun, lulus EPS-TOPIK, tidak pernah dideportasi dari Korea.',
    verified: true,
  },
  {
    id: '01930000-0000-7000-8000-0000000b0004',
    country: 'MY',
    occupation: 'Pekerja ladang kelapa sawit',
    sector: 'formal',
    scheme: 'p_to_p',
    agencyId: AGENCIES[0].id,
    quota: 60,
    salary: [1700, 'MYR'],
    closing: '2027-02-28',
    reference: 'JO/MY/2026/0210',
    description: 'Masih diperiksa koordinator: belum tampil di halaman publik.',
    requirements: null,
    verified: false,
  },
] as const;

const KENANGA = '3212162004';

export async function seedDemoJobs(client: pg.PoolClient, verifierId: string | null): Promise<void> {
  for (const a of AGENCIES) {
    await client.query(
      `INSERT INTO placement_agencies (id, name, licence_number, licence_valid_until, address, branches)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [a.id, a.name, a.licence, a.validUntil, a.address, JSON.stringify(a.branches)],
    );
  }
  for (const j of JOB_ORDERS) {
    const verified = j.verified && verifierId;
    await client.query(
      `INSERT INTO job_orders (id, country, occupation, sector, scheme, agency_id, quota, salary_amount, salary_currency,
         closing_date, reference_number, description, requirements, verified_by, verified_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (id) DO NOTHING`,
      [
        j.id, j.country, j.occupation, j.sector, j.scheme, j.agencyId, j.quota, j.salary[0], j.salary[1], j.closing,
        j.reference, j.description, j.requirements, verified ? verifierId : null, verified ? new Date() : null, verifierId,
      ],
    );
  }
  await client.query(
    `UPDATE program_villages SET centre_address = $2, centre_hours = $3, centre_phone = $4
      WHERE village_code = $1 AND centre_address IS NULL`,
    [KENANGA, 'Balai Desa Kenanga, Jl. Raya Kenanga No. 1, Kec. Sindang, Indramayu', 'Senin–Jumat 08.00–15.00 WIB, Sabtu 08.00–12.00 WIB', '0234271234'],
  );
}
