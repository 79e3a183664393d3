import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();

/** A demo agency (seed-demo-jobs): PT Duta Karya Mandiri, licensed until 2027. */
const DUTA = '01930000-0000-7000-8000-0000000a0001';

const hongKongCaregiver = {
  country: 'hk',
  occupation: 'Pengasuh lansia',
  sector: 'domestik',
  scheme: 'p_to_p',
  agencyId: DUTA,
  quota: 10,
  salaryAmount: 5100,
  salaryCurrency: 'hkd',
  closingDate: '2099-01-31',
  referenceNumber: 'JO/HK/UJI/001',
  requirements: 'Perempuan 23–40 tahun',
};

async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('job information (lowongan)', () => {
  it('is recorded by the ministry or a coordinator, unverified, and audited as national', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const created = await coordinator.request({ method: 'POST', url: '/api/v1/job-orders', payload: hongKongCaregiver });
    expect(created.statusCode).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({
      country: 'HK',
      countryName: 'Hong Kong',
      salaryAmount: 5100,
      salaryCurrency: 'HKD',
      verified: false,
      open: true,
      agency: { id: DUTA, name: 'PT Duta Karya Mandiri', licenceStatus: 'licensed' },
    });
    // A retry with the same id returns the same job order, not a second one.
    const again = await coordinator.request({ method: 'POST', url: '/api/v1/job-orders', payload: { ...hongKongCaregiver, id: job.id } });
    expect(again.json().id).toBe(job.id);
    const audit = await t.pool.query(`SELECT action, region_code FROM audit_log WHERE entity_type = 'job_order' AND entity_id = $1`, [job.id]);
    expect(audit.rows).toEqual([{ action: 'create', region_code: '' }]);
  });

  it('refuses a P to P job without an agency, a salary without currency and an unknown country', async () => {
    const ministry = await t.login('kemnaker');
    const res = await ministry.request({
      method: 'POST',
      url: '/api/v1/job-orders',
      payload: { ...hongKongCaregiver, agencyId: null, salaryCurrency: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'salaryCurrency' })]));
    const noAgency = await ministry.request({ method: 'POST', url: '/api/v1/job-orders', payload: { ...hongKongCaregiver, agencyId: null } });
    expect(noAgency.json().error.details).toEqual([{ path: 'agencyId', message: 'Skema P to P harus melalui P3MI berizin: pilih agensinya' }]);
    const country = await ministry.request({ method: 'POST', url: '/api/v1/job-orders', payload: { ...hongKongCaregiver, country: 'XX' } });
    expect(country.statusCode).toBe(400);
    expect(country.json().error.details[0].path).toBe('country');
  });

  it('is verified with its version, and a later change needs verifying again', async () => {
    const ministry = await t.login('kemnaker');
    const job = (await ministry.request({ method: 'POST', url: '/api/v1/job-orders', payload: { ...hongKongCaregiver, referenceNumber: 'JO/HK/UJI/002' } })).json();
    const verified = await ministry.request({ method: 'POST', url: `/api/v1/job-orders/${job.id}/verify`, payload: { version: job.version } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true });
    const twice = await ministry.request({ method: 'POST', url: `/api/v1/job-orders/${job.id}/verify`, payload: { version: verified.json().version } });
    expect(twice.json().error.code).toBe('ALREADY_VERIFIED');

    const stale = await ministry.request({ method: 'PATCH', url: `/api/v1/job-orders/${job.id}`, payload: { quota: 12, version: job.version } });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const changed = await ministry.request({ method: 'PATCH', url: `/api/v1/job-orders/${job.id}`, payload: { quota: 12, version: verified.json().version } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ quota: 12, verified: false, occupation: 'Pengasuh lansia' });
    const audit = await t.pool.query(`SELECT action FROM audit_log WHERE entity_type = 'job_order' AND entity_id = $1 ORDER BY id`, [job.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'verify', 'update']);
  });

  it('is listed with filters for anyone signed in, the partner ministry included', async () => {
    const partner = await t.login('mitra.kemenkes');
    const korea = await partner.request({ method: 'GET', url: '/api/v1/job-orders?country=KR' });
    expect(korea.statusCode).toBe(200);
    expect(korea.json().items.map((j: { occupation: string }) => j.occupation)).toEqual(['Pekerja manufaktur (EPS)']);
    expect(korea.json().items[0].agency).toBeNull();

    const unverified = await partner.request({ method: 'GET', url: '/api/v1/job-orders?verified=false&sector=formal' });
    expect(unverified.json().items.map((j: { country: string }) => j.country)).toEqual(['MY']);
    await t.pool.query(
      `INSERT INTO job_orders (id, country, occupation, sector, scheme, closing_date) VALUES ('01900000-0000-7000-8000-0000000000c1', 'JP', 'Perawat (kaigo)', 'formal', 'g_to_g', '2020-01-31')`,
    );
    const open = await partner.request({ method: 'GET', url: '/api/v1/job-orders?openOnly=true&country=JP' });
    expect(open.json().total).toBe(0);
    const closed = await partner.request({ method: 'GET', url: '/api/v1/job-orders/01900000-0000-7000-8000-0000000000c1' });
    expect(closed.json()).toMatchObject({ open: false, countryName: 'Jepang' });
    const byText = await partner.request({ method: 'GET', url: '/api/v1/job-orders?q=duta%20karya' });
    expect(byText.json().items.length).toBeGreaterThan(0);
    expect(byText.json().items.every((j: { agency: { name: string } | null }) => j.agency?.name === 'PT Duta Karya Mandiri')).toBe(true);
    expect((await partner.request({ method: 'GET', url: '/api/v1/job-orders/00000000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('is written only by its keepers: not by a village officer nor the partner ministry', async () => {
    for (const username of ['petugas.kenanga', 'kades.kenanga', 'mitra.kemenkes']) {
      const session = await t.login(username);
      const create = await session.request({ method: 'POST', url: '/api/v1/job-orders', payload: hongKongCaregiver });
      expect(create.statusCode, username).toBe(403);
      const verify = await session.request({ method: 'POST', url: '/api/v1/job-orders/01930000-0000-7000-8000-0000000b0004/verify', payload: { version: '1' } });
      expect(verify.statusCode, username).toBe(403);
      const patch = await session.request({ method: 'PATCH', url: '/api/v1/job-orders/01930000-0000-7000-8000-0000000b0004', payload: { quota: 1, version: '1' } });
      expect(patch.statusCode, username).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/job-orders' })).statusCode).toBe(401);
  });

  it('exports the filtered list as a workbook', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: '/api/v1/job-orders/export.xlsx?country=TW' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['negara', 'jabatan', 'gaji', 'mata_uang', 'terverifikasi']));
    expect(rows.slice(1)).toEqual([expect.arrayContaining(['Taiwan', 'Operator pabrik elektronik', 'PT Bina Tenaga Sejahtera', 27470, 'TWD', 'ya'])]);
  });
});

describe("the village centre's address and hours", () => {
  it("are kept by the village's own officer and shown in the village's details", async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({
      method: 'PATCH',
      url: '/api/v1/program/villages/3212162004/centre',
      payload: { centreAddress: 'Balai Desa Kenanga', centreHours: 'Senin–Kamis 08.00–14.00', centrePhone: '081311110001' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ villageName: 'Kenanga', centreHours: 'Senin–Kamis 08.00–14.00' });
    const stale = await officer.request({ method: 'PATCH', url: '/api/v1/program/villages/3212162004/centre', payload: { centreHours: 'x', version: '1' } });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const badPhone = await officer.request({ method: 'PATCH', url: '/api/v1/program/villages/3212162004/centre', payload: { centrePhone: 'telp kantor' } });
    expect(badPhone.statusCode).toBe(400);

    const coordinator = await t.login('disnaker.indramayu');
    const village = await coordinator.request({ method: 'GET', url: '/api/v1/program/villages/3212162004' });
    expect(village.json()).toMatchObject({ centreAddress: 'Balai Desa Kenanga', centrePhone: '081311110001' });
    const audit = await t.pool.query(`SELECT region_code FROM audit_log WHERE entity_type = 'village_centre' AND entity_id = '3212162004'`);
    expect(audit.rows).toEqual([{ region_code: '3212162004' }]);
  });

  it("cannot be changed by another village's officer, another regency or the cooperative's board", async () => {
    const before = await t.pool.query(`SELECT centre_address FROM program_villages WHERE village_code = '3212162004'`);
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'koperasi.kenanga', 'mitra.kemenkes']) {
      const session = await t.login(username);
      const res = await session.request({ method: 'PATCH', url: '/api/v1/program/villages/3212162004/centre', payload: { centreAddress: 'Diubah' } });
      expect(res.statusCode, username).toBe(403);
    }
    const after = await t.pool.query(`SELECT centre_address FROM program_villages WHERE village_code = '3212162004'`);
    expect(after.rows).toEqual(before.rows);
  });
});
