import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { keyring } from './field-crypto.js';
import { withTransaction } from './pool.js';
import { seedDemoRegistry } from './seed-demo-registry.js';
import { seedDemoCases } from './seed-demo-cases.js';
import { seedDemoJobs } from './seed-demo-jobs.js';
import { seedDemoPlans } from './seed-demo-plans.js';

/** Password of every demo account; printed at start-up and in the README. */
export const DEMO_PASSWORD = 'Desmigratif#2026';

/**
 * The demo `admin` signs in with two-factor (admins must): the authenticator secret is fixed and
 * printed at start-up, so the demo, the tests and the browser journeys can make its codes.
 * Never use it on a real install — there the admin sets up their own (Keamanan akun).
 */
export const DEMO_TOTP_SECRET = 'DESMIGRATIFDEMOADMINTOTPSECRET23';
export const DEMO_TOTP_USERNAME = 'admin';

type DemoVillage = {
  villageCode: string;
  cohortYear: number;
  officers: Array<{ name: string; phone: string }>;
  headName: string;
  notes: string;
};

/**
 * The two 2016 pilots are real; the 2017 villages are examples from well-known
 * migrant-sending regencies, chosen to exercise several provinces — not the official list.
 * All people named here are fictitious.
 */
export const DEMO_VILLAGES: readonly DemoVillage[] = [
  { villageCode: '3212162004', cohortYear: 2016, headName: 'Darsono', notes: 'Desa percontohan 2016: kerupuk kulit ikan, olahan mangga, abon sapi.',
    officers: [{ name: 'Siti Rohmah', phone: '081311110001' }, { name: 'Warsito', phone: '081311110002' }] },
  { villageCode: '3307102004', cohortYear: 2016, headName: 'Slamet Riyadi', notes: 'Desa percontohan 2016: olahan salak dan singkong, telur puyuh, batik.',
    officers: [{ name: 'Endang Lestari', phone: '081322220001' }, { name: 'Budi Santoso', phone: '081322220002' }] },
  { villageCode: '3212022002', cohortYear: 2017, headName: 'Tarmudi', notes: 'Contoh data.',
    officers: [{ name: 'Nur Aini', phone: '081333330001' }] },
  { villageCode: '3502012003', cohortYear: 2017, headName: 'Sugeng Widodo', notes: 'Contoh data.',
    officers: [{ name: 'Dwi Astuti', phone: '081344440001' }] },
  { villageCode: '5203012002', cohortYear: 2017, headName: 'Lalu Muhsin', notes: 'Contoh data.',
    officers: [{ name: 'Baiq Nurul', phone: '081355550001' }] },
  { villageCode: '5303022001', cohortYear: 2017, headName: 'Yohanes Taek', notes: 'Contoh data (NTT).',
    officers: [{ name: 'Maria Seran', phone: '081366660001' }] },
  { villageCode: '1807022001', cohortYear: 2017, headName: 'Suparman', notes: 'Contoh data.',
    officers: [{ name: 'Rina Wati', phone: '081377770001' }] },
  { villageCode: '3504022001', cohortYear: 2017, headName: 'Agus Salim', notes: 'Contoh data.',
    officers: [{ name: 'Yuli Hartati', phone: '081388880001' }] },
];

export type DemoUser = { username: string; fullName: string; role: string; scopeCode: string };

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', fullName: 'Administrator Sistem', role: 'admin', scopeCode: '' },
  { username: 'kemnaker', fullName: 'Direktorat Bina Penempatan (Kemnaker)', role: 'kementerian', scopeCode: '' },
  { username: 'mitra.kemenkes', fullName: 'Kementerian Kesehatan (mitra)', role: 'mitra', scopeCode: '' },
  { username: 'disnaker.indramayu', fullName: 'Koordinator Disnaker Indramayu', role: 'koordinator_kabupaten', scopeCode: '3212' },
  { username: 'disnaker.wonosobo', fullName: 'Koordinator Disnaker Wonosobo', role: 'koordinator_kabupaten', scopeCode: '3307' },
  { username: 'petugas.kenanga', fullName: 'Siti Rohmah', role: 'petugas_desa', scopeCode: '3212162004' },
  { username: 'kades.kenanga', fullName: 'Darsono', role: 'kepala_desa', scopeCode: '3212162004' },
  { username: 'koperasi.kenanga', fullName: 'Pengurus Koperasi Kenanga', role: 'pengurus_koperasi', scopeCode: '3212162004' },
  { username: 'petugas.kuripan', fullName: 'Endang Lestari', role: 'petugas_desa', scopeCode: '3307102004' },
  { username: 'petugas.kroya', fullName: 'Nur Aini', role: 'petugas_desa', scopeCode: '3212022002' },
];

/**
 * Puts the demo programme data, one account per role and a small Kenanga registry into an empty install.
 * Runs once: a database that already has users is left as it is.
 */
export async function seedDemo(
  pool: pg.Pool,
  hashPassword: (password: string) => Promise<string>,
  nameKey: (name: string) => string,
): Promise<boolean> {
  const existing = await pool.query('SELECT 1 FROM users LIMIT 1');
  if (existing.rowCount) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  await withTransaction(pool, async (client) => {
    for (const v of DEMO_VILLAGES) {
      await client.query(
        `INSERT INTO program_villages (village_code, cohort_year, status, officers, head_name, notes)
         VALUES ($1, $2, 'aktif', $3, $4, $5) ON CONFLICT (village_code) DO NOTHING`,
        [v.villageCode, v.cohortYear, JSON.stringify(v.officers), v.headName, v.notes],
      );
    }
    for (const u of DEMO_USERS) {
      await client.query(
        `INSERT INTO users (id, username, full_name, role, scope_code, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [uuidv7(), u.username, u.fullName, u.role, u.scopeCode, hash],
      );
    }
    await client.query(
      `UPDATE users SET totp_secret_enc = $2, totp_enabled_at = now() WHERE username = $1`,
      [DEMO_TOTP_USERNAME, keyring().seal(DEMO_TOTP_SECRET)],
    );
    const officer = await client.query<{ id: string }>(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
    const residents = await seedDemoRegistry(client, nameKey, officer.rows[0]?.id ?? null);
    await seedDemoCases(client, officer.rows[0]?.id ?? null);
    await seedDemoPlans(client, officer.rows[0]?.id ?? null);
    const ministry = await client.query<{ id: string }>(`SELECT id FROM users WHERE username = 'kemnaker'`);
    await seedDemoJobs(client, ministry.rows[0]?.id ?? null);
    await client.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, region_code, after)
       VALUES ('seed', 'system', 'demo', '', $1)`,
      [JSON.stringify({ villages: DEMO_VILLAGES.length, users: DEMO_USERS.length, residents })],
    );
  });
  return true;
}
