import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';

type Checklist = Array<{ kind: string; requirement: string; complete: boolean }>;

async function officer() {
  return t.login('petugas.kenanga');
}

async function resident(payload: Record<string, unknown>): Promise<string> {
  const s = await officer();
  const res = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A departure about four months from now: far enough that no "leaving soon" flag is raised. */
function departureInMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const hongKongHousekeeper = () => ({
  destinationCountry: ' hk ',
  occupation: 'Pengurus rumah tangga',
  feeFreeOccupation: 'pengurus_rumah_tangga',
  sector: 'domestik',
  scheme: 'p_to_p',
  agencyName: 'PT Bina Karya Mandiri',
  agencyLicenceNumber: 'KEP.2/PPTKIS/2021',
  jobOrderReference: 'JO/HK/2025/0142',
  expectedDepartureDate: departureInMonths(4),
  visaType: 'kerja',
  feesAskedRupiah: 0,
  feesToPersonalAccount: false,
  recruiterContact: 'kantor',
  shelterBeforeDocuments: false,
  contractReadable: true,
});

describe('a migration plan', () => {
  it('takes a domestic worker to Hong Kong through a licensed P3MI to ready once every required document is complete', async () => {
    const ministry = await t.login('kemnaker');
    const agency = await ministry.request({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { name: 'PT Bina Karya Mandiri', licenceNumber: 'KEP.2/PPTKIS/2021', licenceValidUntil: '2099-12-31' },
    });
    expect(agency.statusCode).toBe(201);
    const personId = await resident({ nik: '3212165203900001', name: 'Sri Wahyuni', sex: 2, birthDate: '1990-03-12', maritalStatus: 2 });
    const s = await officer();

    const created = await s.request({ method: 'POST', url: `/api/v1/people/${personId}/migration-plans`, payload: hongKongHousekeeper() });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ destinationCountry: 'HK', personName: 'Sri Wahyuni', status: 'aktif', agencyLicence: 'licensed', villageCode: KENANGA });
    expect(plan.readiness.ready).toBe(false);
    expect(plan.redFlags).toEqual([]);
    const required = (plan.checklist as Checklist).filter((c) => c.requirement === 'required').map((c) => c.kind);
    expect(required).toEqual(expect.arrayContaining(['ktp_nik', 'buku_nikah', 'izin_keluarga', 'paspor', 'visa_kerja', 'perjanjian_kerja']));
    expect(plan.readiness.missing.length).toBe(required.length);

    // Creating the plan made her a calon PMI from today.
    const person = (await s.request({ method: 'GET', url: `/api/v1/people/${personId}` })).json();
    expect(person.migrantStatus).toBe('calon_pmi');
    expect(person.statusHistory[0]).toMatchObject({ status: 'calon_pmi', note: 'Rencana migrasi dibuat' });

    let latest = plan;
    for (const kind of required) {
      const body = kind === 'paspor'
        ? { status: 'lengkap', number: 'C1234567', issuedOn: '2025-01-10', expiresOn: '2035-01-10', issuingOffice: 'Kantor Imigrasi Cirebon' }
        : { status: 'lengkap' };
      const res = await s.request({ method: 'PUT', url: `/api/v1/migration-plans/${plan.id}/documents/${kind}`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      latest = res.json();
    }
    expect(latest.readiness).toMatchObject({ ready: true, blockers: [], missing: [] });
    expect(latest.documents.find((d: { kind: string }) => d.kind === 'paspor')).toMatchObject({ number: 'C1234567', expiresOn: '2035-01-10', issuingOffice: 'Kantor Imigrasi Cirebon' });

    // A document ticked again replaces the earlier entry; both changes are in the audit log.
    const redo = await s.request({ method: 'PUT', url: `/api/v1/migration-plans/${plan.id}/documents/visa_kerja`, payload: { status: 'diproses' } });
    expect(redo.json().readiness.ready).toBe(false);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM migration_documents WHERE plan_id = $1 AND kind = 'visa_kerja'`, [plan.id]);
    expect(rows[0].n).toBe(1);
    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'migration_plan' AND entity_id = $1 AND action = 'record_document'`, [plan.id]);
    expect(audit.rows[0].n).toBe(required.length + 1);
    await s.request({ method: 'PUT', url: `/api/v1/migration-plans/${plan.id}/documents/visa_kerja`, payload: { status: 'lengkap' } });

    const ready = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans?ready=true` });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().items).toEqual([
      expect.objectContaining({ id: plan.id, personName: 'Sri Wahyuni', destinationName: 'Hong Kong', ready: true, redFlagCount: 0, missingCount: 0 }),
    ]);
  });

  it('shows the visa and moratorium flags on a tourist visa to Saudi Arabia for domestic work', async () => {
    const personId = await resident({ nik: '3212164707950002', name: 'Rumini', sex: 2, birthDate: '1995-07-07', maritalStatus: 1 });
    const s = await officer();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/migration-plans`,
      payload: {
        destinationCountry: 'SA',
        occupation: 'Pembantu rumah tangga',
        feeFreeOccupation: 'pengurus_rumah_tangga',
        sector: 'domestik',
        scheme: 'p_to_p',
        agencyName: 'PT Sponsor Pak Darto',
        visaType: 'turis',
        expectedDepartureDate: departureInMonths(3),
        feesAskedRupiah: 15_000_000,
        recruiterContact: 'media_sosial_saja',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const codes = (res.json().redFlags as Array<{ code: string; explanation: string }>).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['NON_WORK_VISA', 'MORATORIUM_COUNTRY', 'AGENCY_UNLICENSED', 'FEES_ON_FEE_FREE_JOB']));
    expect(res.json().agencyLicence).toBe('unknown');
    for (const flag of res.json().redFlags) expect(flag.explanation.length).toBeGreaterThan(20);

    const flagged = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans?flagged=true` });
    const item = flagged.json().items.find((i: { id: string }) => i.id === res.json().id);
    expect(item).toMatchObject({ personName: 'Rumini', destinationName: 'Arab Saudi', ready: false });
    expect(item.redFlagCount).toBe(codes.length);
    const clean = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans?flagged=false` });
    expect(clean.json().items.map((i: { id: string }) => i.id)).not.toContain(res.json().id);
  });

  it('blocks a 17-year-old', async () => {
    // Born 16 years and 10 months ago, leaving in a month: 17 on the day she leaves.
    const born = new Date();
    born.setUTCFullYear(born.getUTCFullYear() - 17);
    born.setUTCDate(1);
    born.setUTCMonth(born.getUTCMonth() + 2);
    const birthDate = born.toISOString().slice(0, 10);
    const [yyyy, mm, dd] = birthDate.split('-');
    const nik = `321216${Number(dd) + 40}${mm}${yyyy!.slice(2)}0001`;
    const personId = await resident({ nik, name: 'Dewi Lestari', sex: 2, birthDate, maritalStatus: 1 });
    const s = await officer();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/migration-plans`,
      payload: { ...hongKongHousekeeper(), expectedDepartureDate: departureInMonths(1) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan.readiness.ready).toBe(false);
    expect(plan.readiness.blockers.map((b: { code: string }) => b.code)).toContain('UNDER_18');
    expect(plan.redFlags.map((f: { code: string }) => f.code)).toContain('UNDER_AGE');
    // Every document complete does not change that.
    for (const item of (plan.checklist as Checklist).filter((c) => c.requirement === 'required')) {
      await s.request({ method: 'PUT', url: `/api/v1/migration-plans/${plan.id}/documents/${item.kind}`, payload: { status: 'lengkap' } });
    }
    const after = (await s.request({ method: 'GET', url: `/api/v1/migration-plans/${plan.id}` })).json();
    expect(after.readiness.missing).toEqual([]);
    expect(after.readiness.ready).toBe(false);
  });

  it('is edited with the version it was loaded on', async () => {
    const s = await officer();
    const list = (await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans` })).json();
    const planId = list.items.find((i: { personName: string }) => i.personName === 'Rumini').id;
    const plan = (await s.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` })).json();
    const edited = await s.request({
      method: 'PATCH',
      url: `/api/v1/migration-plans/${planId}`,
      payload: { destinationCountry: 'HK', visaType: 'kerja', version: plan.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const codes = edited.json().redFlags.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('NON_WORK_VISA');
    expect(codes).not.toContain('MORATORIUM_COUNTRY');
    const stale = await s.request({ method: 'PATCH', url: `/api/v1/migration-plans/${planId}`, payload: { status: 'batal', version: plan.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const audit = await t.pool.query(`SELECT before, after FROM audit_log WHERE entity_type = 'migration_plan' AND entity_id = $1 AND action = 'update'`, [planId]);
    expect(audit.rows).toEqual([{ before: { destinationCountry: 'SA', visaType: 'turis' }, after: { destinationCountry: 'HK', visaType: 'kerja' } }]);
  });

  it('explains bad input in Indonesian and changes nothing', async () => {
    const personId = await resident({ nik: '3212160202880003', name: 'Carman', sex: 1, birthDate: '1988-02-02' });
    const s = await officer();
    const before = await t.pool.query(`SELECT (SELECT count(*) FROM migration_plans)::int AS plans, (SELECT count(*) FROM migrant_status_events)::int AS events,
      (SELECT count(*) FROM migration_documents)::int AS docs`);
    const bad = await s.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/migration-plans`,
      payload: { destinationCountry: 'XX', occupation: 'a', sector: 'kantoran', scheme: 'p_to_p', feesAskedRupiah: -5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'destinationCountry', message: 'Negara tujuan tidak dikenal (kode ISO dua huruf, contoh HK)' },
        { path: 'occupation', message: 'Jabatan/pekerjaan minimal 2 huruf' },
        { path: 'sector', message: 'Sektor pekerjaan tidak dikenal' },
        { path: 'feesAskedRupiah', message: 'Biaya yang diminta tidak boleh negatif' },
      ]),
    );
    const planId = (await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans` })).json().items[0].id;
    const badDoc = await s.request({
      method: 'PUT',
      url: `/api/v1/migration-plans/${planId}/documents/paspor`,
      payload: { status: 'hampir', issuedOn: '2030-01-01', expiresOn: '2020-01-01' },
    });
    expect(badDoc.statusCode).toBe(400);
    expect(badDoc.json().error.details).toEqual(expect.arrayContaining([{ path: 'status', message: 'Status dokumen tidak dikenal' }]));
    const backwards = await s.request({
      method: 'PUT',
      url: `/api/v1/migration-plans/${planId}/documents/paspor`,
      payload: { status: 'lengkap', issuedOn: '2030-01-01', expiresOn: '2020-01-01' },
    });
    expect(backwards.json().error.details).toEqual([{ path: 'expiresOn', message: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit' }]);
    const unknownKind = await s.request({ method: 'PUT', url: `/api/v1/migration-plans/${planId}/documents/surat_sakti`, payload: { status: 'lengkap' } });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.details).toEqual([{ path: 'kind', message: 'Jenis dokumen tidak dikenal' }]);
    const missing = await s.request({ method: 'GET', url: '/api/v1/migration-plans/01900000-0000-7000-8000-00000000dead' });
    expect(missing.statusCode).toBe(404);
    const after = await t.pool.query(`SELECT (SELECT count(*) FROM migration_plans)::int AS plans, (SELECT count(*) FROM migrant_status_events)::int AS events,
      (SELECT count(*) FROM migration_documents)::int AS docs`);
    expect(after.rows).toEqual(before.rows);
  });

  it('is closed to the cooperative board and partners', async () => {
    const s = await officer();
    const planId = (await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans` })).json().items[0].id;
    for (const username of ['koperasi.kenanga', 'mitra.kemenkes']) {
      const other = await t.login(username);
      expect((await other.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` })).statusCode).toBe(403);
    }
    const coordinator = await t.login('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` })).statusCode).toBe(200);
  });
});
