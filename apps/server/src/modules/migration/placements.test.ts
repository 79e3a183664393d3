import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';

/** A date `days` from today in Jakarta. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

async function resident(payload: Record<string, unknown>): Promise<string> {
  const s = await t.login('petugas.kenanga');
  const res = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function sheetOf(raw: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('a departure abroad', () => {
  it('makes the person PMI from the departure date, marks the plan departed and is audited', async () => {
    const personId = await resident({ nik: '3212165203920011', name: 'Wartini', sex: 2, birthDate: '1992-03-12' });
    const s = await t.login('petugas.kenanga');
    const plan = await s.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/migration-plans`,
      payload: { destinationCountry: 'TW', occupation: 'Perawat lansia', sector: 'domestik', scheme: 'p_to_p' },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const ministry = await t.login('kemnaker');
    const agency = await ministry.request({ method: 'POST', url: '/api/v1/agencies', payload: { name: 'PT Maju Bersama Sejahtera', licenceNumber: 'KEP.77/2024' } });
    expect(agency.statusCode, agency.body).toBe(201);

    const departure = daysFromToday(-3);
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/placements`,
      payload: {
        planId: plan.json().id,
        departureDate: departure,
        destinationCountry: ' tw ',
        employer: 'Keluarga Lin, Taichung',
        agencyId: agency.json().id,
        contractStart: departure,
        contractEnd: daysFromToday(30),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      personName: 'Wartini',
      destinationCountry: 'TW',
      destinationName: 'Taiwan',
      agencyName: 'PT Maju Bersama Sejahtera',
      villageCode: KENANGA,
      contractEndsSoon: true,
      return: null,
    });

    const person = (await s.request({ method: 'GET', url: `/api/v1/people/${personId}` })).json();
    expect(person.migrantStatus).toBe('pmi');
    // The plan made her calon PMI today; the departure three days ago must still become current.
    expect(person.statusHistory[0]).toMatchObject({ status: 'pmi' });
    expect(person.statusHistory[0].note).toContain(`Berangkat ke Taiwan pada ${departure.split('-').reverse().join('-')}`);
    const planAfter = (await s.request({ method: 'GET', url: `/api/v1/migration-plans/${plan.json().id}` })).json();
    expect(planAfter.status).toBe('berangkat');
    const audit = await t.pool.query(`SELECT action, entity_type FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`, [res.json().id, plan.json().id]);
    expect(audit.rows.map((r) => `${r.entity_type}:${r.action}`)).toEqual(expect.arrayContaining(['migration_placement:create', 'migration_plan:update']));

    // A retry with the same id changes nothing; a second departure while abroad is refused.
    const again = await s.request({ method: 'POST', url: `/api/v1/people/${personId}/placements`, payload: { id: res.json().id, departureDate: departure, destinationCountry: 'TW' } });
    expect(again.statusCode).toBe(201);
    const twice = await s.request({ method: 'POST', url: `/api/v1/people/${personId}/placements`, payload: { departureDate: departure, destinationCountry: 'MY' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/masih tercatat di Taiwan/);

    const history = await s.request({ method: 'GET', url: `/api/v1/people/${personId}/placements` });
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toHaveLength(1);
  });

  it('refuses a departure in the future, an unknown agency, a plan of someone else and a contract ending before it starts', async () => {
    const personId = await resident({ nik: '3212165203920012', name: 'Suminah', sex: 2, birthDate: '1992-03-12' });
    const otherId = await resident({ nik: '3212165203920013', name: 'Sukaesih', sex: 2, birthDate: '1992-03-12' });
    const s = await t.login('petugas.kenanga');
    const othersPlan = await s.request({
      method: 'POST',
      url: `/api/v1/people/${otherId}/migration-plans`,
      payload: { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' },
    });
    const url = `/api/v1/people/${personId}/placements`;
    const future = await s.request({ method: 'POST', url, payload: { departureDate: daysFromToday(5), destinationCountry: 'HK' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toMatchObject({ path: 'departureDate' });
    const agency = await s.request({ method: 'POST', url, payload: { departureDate: daysFromToday(-1), destinationCountry: 'HK', agencyId: '00000000-0000-7000-8000-000000000000' } });
    expect(agency.json().error.details[0]).toMatchObject({ path: 'agencyId' });
    const plan = await s.request({ method: 'POST', url, payload: { departureDate: daysFromToday(-1), destinationCountry: 'HK', planId: othersPlan.json().id } });
    expect(plan.json().error.details[0]).toMatchObject({ path: 'planId', message: 'Rencana migrasi ini bukan milik orang ini.' });
    const contract = await s.request({ method: 'POST', url, payload: { departureDate: daysFromToday(-1), destinationCountry: 'HK', contractStart: '2026-05-01', contractEnd: '2026-04-01' } });
    expect(contract.statusCode).toBe(400);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM migration_placements WHERE person_id = $1`, [personId]);
    expect(rows[0].n).toBe(0);
    expect((await s.request({ method: 'GET', url: `/api/v1/people/${personId}` })).json().migrantStatus).toBe('bukan_pmi');
  });

  it('is corrected with its version; a stale version is refused and a new departure date is a new status event', async () => {
    const personId = await resident({ nik: '3212165203920014', name: 'Casinih', sex: 2, birthDate: '1992-03-12' });
    const s = await t.login('petugas.kenanga');
    const created = (await s.request({ method: 'POST', url: `/api/v1/people/${personId}/placements`, payload: { departureDate: daysFromToday(-10), destinationCountry: 'MY' } })).json();
    const res = await s.request({ method: 'PATCH', url: `/api/v1/placements/${created.id}`, payload: { employer: 'Kilang Sawit Sdn Bhd', departureDate: daysFromToday(-8), version: created.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ employer: 'Kilang Sawit Sdn Bhd', departureDate: daysFromToday(-8) });
    const stale = await s.request({ method: 'PATCH', url: `/api/v1/placements/${created.id}`, payload: { employer: 'Lain', version: created.version } });
    expect(stale.statusCode).toBe(409);
    const events = await t.pool.query(`SELECT status, effective_date::text AS d FROM migrant_status_events WHERE person_id = $1 ORDER BY recorded_at`, [personId]);
    expect(events.rows).toEqual([{ status: 'pmi', d: daysFromToday(-10) }, { status: 'pmi', d: daysFromToday(-8) }]);
    const audit = await t.pool.query(`SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [created.id]);
    expect(audit.rows[0]).toMatchObject({ before: { employer: null, departureDate: daysFromToday(-10) }, after: { employer: 'Kilang Sawit Sdn Bhd' } });
  });
});

describe('a return (purna PMI)', () => {
  it('makes the person purna PMI from the return date, once, and shows in the returned list', async () => {
    const personId = await resident({ nik: '3212161203850015', name: 'Karsono', sex: 1, birthDate: '1985-03-12' });
    const s = await t.login('petugas.kenanga');
    const placement = (await s.request({ method: 'POST', url: `/api/v1/people/${personId}/placements`, payload: { departureDate: '2023-02-01', destinationCountry: 'KR', employer: 'Pabrik komponen, Ansan' } })).json();
    const early = await s.request({ method: 'POST', url: `/api/v1/placements/${placement.id}/return`, payload: { returnDate: '2023-01-01', reason: 'kontrak_selesai', version: placement.version } });
    expect(early.statusCode).toBe(400);
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/placements/${placement.id}/return`,
      payload: {
        returnDate: daysFromToday(-2),
        reason: 'kontrak_selesai',
        skillsGained: 'Operator mesin CNC, bahasa Korea',
        savingsPlan: 'Membuka bengkel las',
        reintegrationNeeds: ['modal_usaha', 'pendampingan_usaha', 'modal_usaha'],
        version: placement.version,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().return).toEqual({
      returnDate: daysFromToday(-2),
      reason: 'kontrak_selesai',
      skillsGained: 'Operator mesin CNC, bahasa Korea',
      savingsPlan: 'Membuka bengkel las',
      reintegrationNeeds: ['modal_usaha', 'pendampingan_usaha'],
      notes: null,
    });
    const person = (await s.request({ method: 'GET', url: `/api/v1/people/${personId}` })).json();
    expect(person.migrantStatus).toBe('purna_pmi');
    expect(person.statusHistory[0].note).toMatch(/Pulang dari Korea Selatan .*Kontrak selesai/);
    const twice = await s.request({ method: 'POST', url: `/api/v1/placements/${placement.id}/return`, payload: { returnDate: daysFromToday(-1), reason: 'lainnya', version: res.json().version } });
    expect(twice.statusCode).toBe(409);
    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'record_return'`, [placement.id]);
    expect(audit.rows[0].n).toBe(1);

    const returned = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements?state=returned` });
    expect(returned.json().items.map((i: { personName: string }) => i.personName)).toEqual(expect.arrayContaining(['Karsono', 'Tarsini']));
    const abroad = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements?state=abroad` });
    expect(abroad.json().items.map((i: { personName: string }) => i.personName)).not.toContain('Karsono');
  });
});

describe('the village list of placements', () => {
  it('filters by contract ending soon and country, and exports the same rows', async () => {
    const s = await t.login('kades.kenanga');
    const soon = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements?state=ending_soon` });
    expect(soon.statusCode).toBe(200);
    const names = soon.json().items.map((i: { personName: string }) => i.personName);
    // The demo seed: Sri Mulyani's contract in Taiwan ends in 45 days; Kartini's in 2027.
    expect(names).toContain('Sri Mulyani');
    expect(names).not.toContain('Kartini');
    expect(soon.json().items.every((i: { contractEndsSoon: boolean; return: unknown }) => i.contractEndsSoon && i.return === null)).toBe(true);
    const hk = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements?country=HK&state=abroad` });
    expect(hk.json().items.map((i: { personName: string }) => i.personName)).toEqual(['Kartini']);

    const file = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements/export.xlsx?state=ending_soon` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(file.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['Nama', 'Negara tujuan', 'Tanggal berangkat']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...names].sort());
    expect(rows.find((r) => r[0] === 'Sri Mulyani')).toEqual(expect.arrayContaining(['Taiwan', '01-03-2021', 'Ya']));
    const audit = await t.pool.query(`SELECT after FROM audit_log WHERE entity_type = 'placements_export' AND entity_id = $1`, [KENANGA]);
    expect(audit.rows[0].after).toMatchObject({ rows: names.length, filter: { state: 'ending_soon' } });
  });

  it('keeps other villages and regencies out, and the cooperative board and partner ministry away', async () => {
    const kuripan = await t.login('petugas.kuripan');
    expect((await kuripan.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements` })).statusCode).toBe(403);
    const wonosobo = await t.login('disnaker.wonosobo');
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements/export.xlsx` })).statusCode).toBe(403);
    const { rows } = await t.pool.query(`SELECT id, person_id FROM migration_placements WHERE village_code = $1 LIMIT 1`, [KENANGA]);
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'koperasi.kenanga', 'mitra.kemenkes']) {
      const outsider = await t.login(username);
      const read = await outsider.request({ method: 'GET', url: `/api/v1/people/${rows[0].person_id}/placements` });
      expect(read.statusCode, username).toBe(403);
      const write = await outsider.request({ method: 'POST', url: `/api/v1/placements/${rows[0].id}/return`, payload: { returnDate: '2026-01-01', reason: 'lainnya', version: '1' } });
      expect(write.statusCode, username).toBe(403);
    }
    // The regency coordinator acts for the village.
    const indramayu = await t.login('disnaker.indramayu');
    expect((await indramayu.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/placements` })).statusCode).toBe(200);
  });
});
