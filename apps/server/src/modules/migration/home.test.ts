import { todayInJakarta } from '@desmigratif/domain';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';
const INDRAMAYU = '3212';

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function resident(name: string, nik: string, birthDate: string): Promise<string> {
  const officer = await t.login('petugas.kenanga');
  const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik, name, sex: 2, birthDate } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A domestic worker sent to Saudi Arabia on a tourist visa by a recruiter met on social media. */
const saudiTouristVisa = {
  destinationCountry: 'SA',
  occupation: 'Pengurus rumah tangga',
  feeFreeOccupation: 'pengurus_rumah_tangga',
  sector: 'domestik',
  scheme: 'mandiri',
  agencyName: 'CV Tanpa Izin Sejahtera',
  visaType: 'turis',
  feesAskedRupiah: 15_000_000,
  feesToPersonalAccount: true,
  recruiterContact: 'media_sosial_saja',
};

describe("the officer's home", () => {
  it('lists follow-ups due by today until they are marked done, and only those', async () => {
    const officer = await t.login('petugas.kenanga');
    const today = todayInJakarta();
    const visit = async (visitorName: string, followUpDate: string) => {
      const res = await officer.request({
        method: 'POST',
        url: `/api/v1/villages/${KENANGA}/services`,
        payload: { visitorName, serviceType: 'pengurusan_dokumen', serviceDate: shiftDays(today, -3), followUpDate },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const overdue = await visit('Tarsih (kemarin)', shiftDays(today, -1));
    const dueToday = await visit('Warsini (hari ini)', today);
    const later = await visit('Carini (pekan depan)', shiftDays(today, 7));

    const home = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/home` })).json();
    const ids = home.followUps.map((f: { serviceId: string }) => f.serviceId);
    expect(ids).toEqual(expect.arrayContaining([overdue, dueToday]));
    expect(ids).not.toContain(later);
    expect(home.followUps.find((f: { serviceId: string }) => f.serviceId === overdue)).toMatchObject({ overdue: true, name: 'Tarsih (kemarin)' });
    expect(home.followUps.find((f: { serviceId: string }) => f.serviceId === dueToday)).toMatchObject({ overdue: false });
    expect(home.servicesThisMonth).toBeGreaterThanOrEqual(shiftDays(today, -3).slice(0, 7) === today.slice(0, 7) ? 3 : 0);

    const done = await officer.request({ method: 'POST', url: `/api/v1/services/${overdue}/follow-up-done` });
    expect(done.statusCode, done.body).toBe(200);
    const again = await officer.request({ method: 'POST', url: `/api/v1/services/${overdue}/follow-up-done` });
    expect(again.statusCode).toBe(200);
    const after = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/home` })).json();
    expect(after.followUps.map((f: { serviceId: string }) => f.serviceId)).not.toContain(overdue);

    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'follow_up_done'`, [overdue]);
    expect(audit.rows[0].n).toBe(1);
    const noFollowUp = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/services`,
      payload: { visitorName: 'Tanpa tindak lanjut', serviceType: 'lainnya', serviceDate: today },
    });
    const refused = await officer.request({ method: 'POST', url: `/api/v1/services/${noFollowUp.json().id}/follow-up-done` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/tidak punya tanggal tindak lanjut/);
  });

  it('shows plans missing documents, red flags, contracts ending and open cases — and escalates the flags to the coordinator', async () => {
    const officer = await t.login('petugas.kenanga');
    const today = todayInJakarta();
    const flaggedPerson = await resident('Rasminah Home', '3212164507950004', '1995-07-05');
    const flagged = await officer.request({ method: 'POST', url: `/api/v1/people/${flaggedPerson}/migration-plans`, payload: saudiTouristVisa });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const planId = flagged.json().id as string;

    // Someone abroad whose contract ends in three weeks, and a case the village referred to the regency.
    const abroad = await resident('Kartini Home', '3212165008880002', '1988-08-10');
    await t.pool.query(
      `INSERT INTO migration_placements (id, village_code, person_id, departure_date, destination_country, contract_start, contract_end)
       VALUES ($1, $2, $3, $4, 'HK', $4, $5)`,
      [uuidv7(), KENANGA, abroad, shiftDays(today, -700), shiftDays(today, 21)],
    );
    const caseId = uuidv7();
    await t.pool.query(
      `INSERT INTO migration_cases (id, village_code, migrant_person_id, reporter_name, reporter_relation, case_type, description, status, status_since)
       VALUES ($1, $2, $3, 'Suami', 'pasangan', 'gaji_tidak_dibayar', 'Gaji tiga bulan belum dibayar', 'dirujuk_kabupaten', now() - interval '20 days')`,
      [caseId, KENANGA, abroad],
    );

    const home = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/home` })).json();
    const mine = home.flaggedPlans.find((p: { planId: string }) => p.planId === planId);
    expect(mine).toMatchObject({ personName: 'Rasminah Home', destinationName: 'Arab Saudi' });
    expect(mine.highRedFlagCount).toBeGreaterThan(0);
    expect(home.plansMissingDocuments.map((p: { planId: string }) => p.planId)).toContain(planId);
    expect(home.contractsEnding).toEqual(expect.arrayContaining([expect.objectContaining({ personName: 'Kartini Home', contractEnd: shiftDays(today, 21) })]));
    const openCase = home.openCases.find((c: { caseId: string }) => c.caseId === caseId);
    // Referred twenty days ago, the regency's two weeks have passed.
    expect(openCase).toMatchObject({ status: 'dirujuk_kabupaten', overdue: true });

    const coordinator = await t.login('disnaker.indramayu');
    const regency = await coordinator.request({ method: 'GET', url: '/api/v1/home/regency' });
    expect(regency.statusCode, regency.body).toBe(200);
    const body = regency.json();
    expect(body.scopeCode).toBe(INDRAMAYU);
    expect(body.flaggedPlans.find((p: { planId: string }) => p.planId === planId)).toMatchObject({ villageName: expect.stringMatching(/kenanga/i) });
    expect(body.referredCases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    expect(body.overdueCases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const kenanga = body.villages.find((v: { villageCode: string }) => v.villageCode === KENANGA);
    expect(kenanga.flaggedPlans).toBeGreaterThanOrEqual(1);
    expect(kenanga.openCases).toBeGreaterThanOrEqual(1);
    expect(body.villages.every((v: { villageCode: string }) => v.villageCode.startsWith(INDRAMAYU))).toBe(true);

    // Closing the case and cancelling the plan takes them off both homes.
    await t.pool.query(`UPDATE migration_cases SET status = 'selesai', closed_at = now() WHERE id = $1`, [caseId]);
    const cancel = await officer.request({ method: 'PATCH', url: `/api/v1/migration-plans/${planId}`, payload: { status: 'batal', version: flagged.json().version } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const later = (await coordinator.request({ method: 'GET', url: '/api/v1/home/regency' })).json();
    expect(later.flaggedPlans.map((p: { planId: string }) => p.planId)).not.toContain(planId);
    expect(later.referredCases.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
  });

  it('keeps each home to its region', async () => {
    const wonosobo = await t.login('disnaker.wonosobo');
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/home/regency?within=${INDRAMAYU}` })).statusCode).toBe(403);
    const own = (await wonosobo.request({ method: 'GET', url: '/api/v1/home/regency' })).json();
    expect(own.villages.every((v: { villageCode: string }) => v.villageCode.startsWith('3307'))).toBe(true);

    const kuripan = await t.login('petugas.kuripan');
    expect((await kuripan.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/home` })).statusCode).toBe(403);
    expect((await kuripan.request({ method: 'GET', url: '/api/v1/home/regency' })).statusCode).toBe(403);

    const mitra = await t.login('mitra.kemenkes');
    expect((await mitra.request({ method: 'GET', url: '/api/v1/home/regency?within=3212' })).statusCode).toBe(403);

    // The whole country is too wide for one screen: the ministry names a regency first.
    const ministry = await t.login('kemnaker');
    const national = await ministry.request({ method: 'GET', url: '/api/v1/home/regency' });
    expect(national.statusCode).toBe(400);
    expect(national.json().error.details[0].message).toMatch(/kabupaten/);
    expect((await ministry.request({ method: 'GET', url: `/api/v1/home/regency?within=${INDRAMAYU}` })).statusCode).toBe(200);
  });
});
