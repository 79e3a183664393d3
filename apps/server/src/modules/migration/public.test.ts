import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from './jobs-routes.js';

const t = useTestApp();
const get = (url: string, ip = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress: ip });

/** Names, NIKs and phone numbers of Kenanga's people that must never reach the public page. */
async function personalData(): Promise<string[]> {
  const people = await t.pool.query<{ name: string; nik: string | null }>(`SELECT name, nik FROM people WHERE village_code = '3212162004'`);
  const users = await t.pool.query<{ full_name: string; username: string }>(`SELECT full_name, username FROM users WHERE role <> 'admin'`);
  const village = await t.pool.query<{ officers: Array<{ name: string; phone: string }>; head_name: string }>(
    `SELECT officers, head_name FROM program_villages WHERE village_code = '3212162004'`,
  );
  return [
    ...people.rows.flatMap((p) => [p.name, p.nik ?? '']),
    ...users.rows.flatMap((u) => [u.full_name, u.username]),
    ...village.rows[0]!.officers.flatMap((o) => [o.name, o.phone]),
    village.rows[0]!.head_name,
  ].filter((text) => text.length >= 4);
}

describe('the public page (no login)', () => {
  it('lists only verified job orders that are still open, without anyone’s data', async () => {
    await t.pool.query(
      `INSERT INTO job_orders (id, country, occupation, sector, scheme, closing_date, verified_by, verified_at)
       SELECT '01900000-0000-7000-8000-0000000000d1', 'JP', 'Perawat lansia (kaigo)', 'formal', 'g_to_g', '2020-01-31', id, now()
         FROM users WHERE username = 'kemnaker'`,
    );
    const res = await get('/api/v1/public/job-orders');
    expect(res.statusCode).toBe(200);
    const occupations = res.json().items.map((j: { occupation: string }) => j.occupation);
    expect(occupations).toEqual(expect.arrayContaining(['Pengurus rumah tangga', 'Operator pabrik elektronik', 'Pekerja manufaktur (EPS)']));
    // Unverified (Malaysia) and closed (Japan, 2020) job orders stay off the public page.
    expect(occupations).not.toContain('Pekerja ladang kelapa sawit');
    expect(occupations).not.toContain('Perawat lansia (kaigo)');
    const hongKong = res.json().items.find((j: { country: string }) => j.country === 'HK');
    expect(hongKong).toMatchObject({ countryName: 'Hong Kong', agencyName: 'PT Duta Karya Mandiri', agencyLicenceStatus: 'licensed', salaryCurrency: 'HKD' });
    expect(Object.keys(hongKong)).not.toEqual(expect.arrayContaining(['verifiedBy']));
    expect((await get('/api/v1/public/job-orders?country=KR')).json().total).toBe(1);
  });

  it('answers "cek agensi": licensed, expired or not in the list, by licence number or name', async () => {
    const byLicence = await get('/api/v1/public/agencies/check?q=kep.123%2Fpptk%2F2022');
    expect(byLicence.statusCode).toBe(200);
    expect(byLicence.json()).toMatchObject({
      status: 'licensed',
      matches: [{ name: 'PT Duta Karya Mandiri', licenceNumber: 'KEP.123/PPTK/2022', licenceValidUntil: '2027-06-30', licenceStatus: 'licensed' }],
    });
    const expired = await get(`/api/v1/public/agencies/check?q=${encodeURIComponent('PT Samudera Awak Nusantara')}`);
    expect(expired.json().status).toBe('expired');
    const partial = await get('/api/v1/public/agencies/check?q=samudera');
    expect(partial.json()).toMatchObject({ status: 'unknown', matches: [{ name: 'PT Samudera Awak Nusantara', licenceStatus: 'expired' }] });
    const unknown = await get(`/api/v1/public/agencies/check?q=${encodeURIComponent('Sponsor Pak Darto')}`);
    expect(unknown.json()).toEqual({ query: 'Sponsor Pak Darto', status: 'unknown', matches: [] });
    // The same company licensed again under a new number: licensed, and the valid licence is the one shown first.
    await t.pool.query(
      `INSERT INTO placement_agencies (id, name, licence_number, licence_valid_until) VALUES ('01900000-0000-7000-8000-0000000000e1', 'PT Samudera Awak Nusantara', 'KEP.500/PPTK/2025', '2030-12-31')`,
    );
    const renewed = await get(`/api/v1/public/agencies/check?q=${encodeURIComponent('pt samudera awak nusantara')}`);
    expect(renewed.json()).toMatchObject({ status: 'licensed', matches: [{ licenceNumber: 'KEP.500/PPTK/2025' }, { licenceNumber: 'KEP.045/PPTK/2019' }] });
    const tooShort = await get('/api/v1/public/agencies/check?q=pt');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].message).toBe('Ketik minimal 3 huruf nama agensi atau nomor izin');
  });

  it("shows a running village's centre, and no village that is only proposed", async () => {
    const kenanga = await get('/api/v1/public/centres/3212162004');
    expect(kenanga.statusCode).toBe(200);
    expect(kenanga.json()).toEqual({
      villageCode: '3212162004',
      villageName: 'Kenanga',
      districtName: expect.any(String),
      regencyName: expect.stringContaining('INDRAMAYU'),
      provinceName: expect.any(String),
      centreAddress: expect.stringContaining('Balai Desa Kenanga'),
      centreHours: expect.stringContaining('Senin'),
      centrePhone: '0234271234',
    });
    const found = await get('/api/v1/public/centres?q=kenan');
    expect(found.json().items.map((c: { villageCode: string }) => c.villageCode)).toContain('3212162004');
    await t.pool.query(`UPDATE program_villages SET status = 'diusulkan' WHERE village_code = '3212022002'`);
    expect((await get('/api/v1/public/centres/3212022002')).statusCode).toBe(404);
    expect((await get('/api/v1/public/centres')).json().items.map((c: { villageCode: string }) => c.villageCode)).not.toContain('3212022002');
    expect((await get('/api/v1/public/centres/3212162001')).statusCode).toBe(404);
  });

  it("never returns a person's data on any public route", async () => {
    const secrets = await personalData();
    expect(secrets.length).toBeGreaterThan(10);
    const publicRoutes = t.routes.filter((r) => r.access.roles === 'public' && r.method === 'GET');
    expect(publicRoutes.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/api/v1/public/job-orders', '/api/v1/public/agencies/check', '/api/v1/public/centres', '/api/v1/public/centres/:villageCode']),
    );
    const urls = [
      '/api/v1/public/job-orders?pageSize=200',
      '/api/v1/public/agencies/check?q=%2Fpptk%2F',
      '/api/v1/public/agencies/check?q=kep',
      '/api/v1/public/centres',
      '/api/v1/public/centres?q=kenanga',
      '/api/v1/public/centres/3212162004',
      '/api/v1/public/centres/3307102004',
    ];
    for (const url of urls) {
      const res = await get(url, '10.0.0.9');
      expect(res.statusCode, url).toBe(200);
      for (const secret of secrets) expect(res.body, `${url} leaks "${secret}"`).not.toContain(secret);
    }
  });

  it('slows down one address that asks too often, and not the others', async () => {
    const url = '/api/v1/public/centres/3212162004';
    for (let i = 0; i < PUBLIC_RATE_LIMIT_PER_MINUTE; i++) {
      const res = await get(url, '10.0.0.66');
      expect(res.statusCode).toBe(200);
    }
    const limited = await get(url, '10.0.0.66');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await get(url, '10.0.0.67')).statusCode).toBe(200);
  });
});
