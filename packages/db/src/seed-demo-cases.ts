import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

const KENANGA = '3212162004';

/** A date `days` from today in Jakarta (UTC+7), as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + 7 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

type DemoPlacement = {
  person: string;
  departure: string;
  country: string;
  employer: string;
  agency: string;
  contract: [string, string];
  returned?: { date: string; reason: string; skills: string; savings: string; needs: string[] };
};

/** Steps after opening: [status, days ago, note]. */
type DemoCase = {
  migrant: string;
  reporter: { person: string; relation: string } | { name: string; relation: string; phone: string };
  type: string;
  country: string;
  description: string;
  openedDaysAgo: number;
  steps: Array<[string, number, string]>;
};

// The Kenanga migrants of the registry seed abroad (one contract ending within 60 days),
// Tarsini back from Hong Kong, and three complaints of their families — one referred to
// the regency and past its deadline. All fictitious.
const placements = (): DemoPlacement[] => [
  { person: 'Sri Mulyani', departure: '2021-03-01', country: 'TW', employer: 'Panti Werdha Kasih, Taichung', agency: 'PT Duta Wibawa Sejahtera',
    contract: ['2021-03-05', daysFromToday(45)] },
  { person: 'Kartini', departure: '2019-05-01', country: 'HK', employer: 'Keluarga Chan, Kowloon', agency: 'PT Bina Karya Mandiri',
    contract: ['2025-05-01', '2027-04-30'] },
  { person: 'Wahyu Hidayat', departure: '2022-11-01', country: 'TW', employer: 'Kapal ikan FV Hsin Yi 18, Kaohsiung', agency: 'PT Samudra Bahari Indonesia',
    contract: ['2022-11-01', '2026-10-31'] },
  { person: 'Tarsini', departure: '2022-08-01', country: 'HK', employer: 'Keluarga Wong, Sha Tin', agency: 'PT Bina Karya Mandiri',
    contract: ['2022-08-05', '2024-08-04'],
    returned: { date: '2024-08-15', reason: 'kontrak_selesai', skills: 'Bahasa Kanton, memasak, merawat lansia',
      savings: 'Tabungan untuk modal warung sembako', needs: ['modal_usaha', 'pendampingan_usaha'] } },
];

const cases: DemoCase[] = [
  { migrant: 'Kartini', reporter: { person: 'Muhamad Sholeh', relation: 'pasangan' }, type: 'gaji_tidak_dibayar', country: 'HK',
    description: 'Gaji tiga bulan terakhir belum dibayar majikan; Kartini mengabari suaminya lewat telepon.', openedDaysAgo: 3,
    steps: [['ditangani_desa', 2, 'Petugas menghubungi P3MI dan meminta salinan perjanjian kerja.']] },
  { migrant: 'Wahyu Hidayat', reporter: { person: 'Tarmuji', relation: 'orang_tua' }, type: 'hilang_kontak', country: 'TW',
    description: 'Tidak ada kabar sejak kapal berangkat dari Kaohsiung; agensi tidak menjawab telepon keluarga.', openedDaysAgo: 20,
    steps: [['ditangani_desa', 19, 'Keluarga didampingi menghubungi agensi.'], ['dirujuk_kabupaten', 16, 'Agensi tidak menanggapi; perlu bantuan Disnaker dan perwakilan RI.']] },
  { migrant: 'Sri Mulyani', reporter: { name: 'Yati', relation: 'saudara', phone: '081312345678' }, type: 'sakit', country: 'TW',
    description: 'Adik melapor Sri Mulyani dirawat di rumah sakit dan meminta bantuan informasi asuransi.', openedDaysAgo: 0, steps: [] },
];

/** Demo departures, a return and cases in Kenanga. Runs once: nothing is added when Kenanga already has placements. */
export async function seedDemoCases(client: pg.PoolClient, officerId: string | null): Promise<number> {
  const done = await client.query('SELECT 1 FROM migration_placements WHERE village_code = $1 LIMIT 1', [KENANGA]);
  if (done.rowCount) return 0;
  const ids = new Map<string, string>();
  const { rows } = await client.query<{ id: string; name: string }>('SELECT id, name FROM people WHERE village_code = $1 AND deleted_at IS NULL', [KENANGA]);
  for (const r of rows) ids.set(r.name, r.id);
  const personId = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`Penduduk demo ${name} tidak ada di Kenanga`);
    return id;
  };

  for (const p of placements()) {
    const id = personId(p.person);
    await client.query(
      `INSERT INTO migration_placements (id, village_code, person_id, departure_date, destination_country, employer, agency_name,
          contract_start, contract_end, return_date, return_reason, skills_gained, savings_plan, reintegration_needs, returned_recorded_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [uuidv7(), KENANGA, id, p.departure, p.country, p.employer, p.agency, p.contract[0], p.contract[1], p.returned?.date ?? null,
        p.returned?.reason ?? null, p.returned?.skills ?? null, p.returned?.savings ?? null, p.returned?.needs ?? [],
        p.returned ? officerId : null, officerId],
    );
    // The registry seed already holds the current status; a returned migrant also gets the departure it ended.
    if (p.returned) {
      await client.query(
        `INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date, note, recorded_by) VALUES ($1, $2, $3, 'pmi', $4, $5, $6)`,
        [uuidv7(), id, KENANGA, p.departure, 'Berangkat ke luar negeri', officerId],
      );
    }
  }

  for (const c of cases) {
    const id = uuidv7();
    const last = c.steps.at(-1);
    const status = last?.[0] ?? 'baru';
    const statusDaysAgo = last?.[1] ?? c.openedDaysAgo;
    const reporter = 'person' in c.reporter ? { person: personId(c.reporter.person), name: null, phone: null } : { person: null, name: c.reporter.name, phone: c.reporter.phone };
    await client.query(
      `INSERT INTO migration_cases (id, village_code, migrant_person_id, reporter_person_id, reporter_name, reporter_relation, reporter_phone,
          case_type, description, incident_country, status, status_since, opened_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() - make_interval(days => $12), $13, now() - make_interval(days => $14))`,
      [id, KENANGA, personId(c.migrant), reporter.person, reporter.name, c.reporter.relation, reporter.phone, c.type, c.description, c.country,
        status, statusDaysAgo, officerId, c.openedDaysAgo],
    );
    const events: Array<[string | null, string, number, string | null, string]> = [[null, 'baru', c.openedDaysAgo, null, 'dibuka']];
    let from = 'baru';
    for (const [to, daysAgo, note] of c.steps) {
      events.push([from, to, daysAgo, note, 'status']);
      from = to;
    }
    for (const [fromStatus, toStatus, daysAgo, note, kind] of events) {
      await client.query(
        `INSERT INTO migration_case_events (id, case_id, village_code, kind, from_status, to_status, note, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9))`,
        [uuidv7(), id, KENANGA, kind, fromStatus, toStatus, note, officerId, daysAgo],
      );
    }
  }
  return placements().length + cases.length;
}
