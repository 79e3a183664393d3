import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();

describe('Kemendagri regions', () => {
  it('holds every province, regency, district and village of idn-area-data 3.1.2 (83,763 village rows)', async () => {
    const { rows } = await t.pool.query(`SELECT level, count(*)::int AS n FROM regions GROUP BY level ORDER BY level`);
    expect(rows).toEqual([
      { level: 1, n: 38 },
      { level: 2, n: 514 },
      { level: 3, n: 7277 },
      { level: 4, n: 83763 },
    ]);
  });

  it('finds Kenanga in Indramayu by typing "kenanga", enrolled village first, with its path', async () => {
    const s = await t.login('petugas.kenanga');
    const res = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=kenanga' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toEqual({
      code: '3212162004',
      level: 'desa',
      name: 'Kenanga',
      parentCode: '321216',
      path: ['JAWA BARAT', 'KABUPATEN INDRAMAYU', 'Sindang'],
    });
    expect(res.json().items.length).toBeGreaterThan(5);
  });

  it('finds the regency by typing "indramayu", and narrows by level and region', async () => {
    const s = await t.login('kemnaker');
    const regency = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=indramayu&level=kabupaten' });
    expect(regency.json().items.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([['3212', 'KABUPATEN INDRAMAYU']]);
    const inWonosobo = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=kuripan&within=3307' });
    expect(inWonosobo.json().items.map((r: { code: string }) => r.code)).toContain('3307102004');
    expect(inWonosobo.json().items.every((r: { code: string }) => r.code.startsWith('3307'))).toBe(true);
  });

  it('tolerates a misspelling through trigram similarity', async () => {
    const s = await t.login('kemnaker');
    const res = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=indramayo&level=kabupaten' });
    expect(res.json().items[0]?.code).toBe('3212');
  });

  it('answers a one-letter search with an Indonesian message', async () => {
    const s = await t.login('kemnaker');
    const res = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=k' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'q', message: 'Ketik minimal 2 huruf' }]);
  });

  it('browses province → regency → district → village', async () => {
    const s = await t.login('kemnaker');
    const provinces = (await s.request({ method: 'GET', url: '/api/v1/regions' })).json().items;
    expect(provinces).toHaveLength(38);
    const jabar = (await s.request({ method: 'GET', url: '/api/v1/regions/32' })).json();
    expect(jabar.region.name).toBe('JAWA BARAT');
    expect(jabar.children.map((c: { code: string }) => c.code)).toContain('3212');
    const sindang = (await s.request({ method: 'GET', url: '/api/v1/regions/321216' })).json();
    expect(sindang.region.path).toEqual(['JAWA BARAT', 'KABUPATEN INDRAMAYU']);
    expect(sindang.children.find((c: { code: string }) => c.code === '3212162004').name).toBe('Kenanga');
    const missing = await s.request({ method: 'GET', url: '/api/v1/regions/3299' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Wilayah tidak ditemukan.');
    const dotted = await s.request({ method: 'GET', url: '/api/v1/regions/32.12' });
    expect(dotted.statusCode).toBe(400);
    expect(dotted.json().error.details[0].message).toBe('Kode wilayah harus 2, 4, 6 atau 10 digit angka tanpa titik');
  });
});

describe('Desmigratif villages', () => {
  it('shows an officer exactly their own village; a coordinator the regency\'s villages', async () => {
    const officer = await t.login('petugas.kenanga');
    const own = (await officer.request({ method: 'GET', url: '/api/v1/program/villages' })).json();
    expect(own.items.map((v: { villageCode: string }) => v.villageCode)).toEqual(['3212162004']);
    const coordinator = await t.login('disnaker.indramayu');
    const regency = (await coordinator.request({ method: 'GET', url: '/api/v1/program/villages' })).json();
    expect(regency.items.map((v: { villageName: string }) => v.villageName)).toEqual(['Kenanga', 'Kroya']);
  });

  it('lists and filters national villages by province, cohort and status', async () => {
    const s = await t.login('kemnaker');
    const all = (await s.request({ method: 'GET', url: '/api/v1/program/villages' })).json();
    expect(all.total).toBe(8);
    const jatim2017 = (await s.request({ method: 'GET', url: '/api/v1/program/villages?within=35&cohortYear=2017' })).json();
    expect(jatim2017.items.map((v: { regencyName: string }) => v.regencyName)).toEqual(['KABUPATEN PONOROGO', 'KABUPATEN TULUNGAGUNG']);
    const pilots = (await s.request({ method: 'GET', url: '/api/v1/program/villages?cohortYear=2016' })).json();
    expect(pilots.items.map((v: { villageName: string }) => v.villageName)).toEqual(['Kenanga', 'Kuripan']);
    const byText = (await s.request({ method: 'GET', url: '/api/v1/program/villages?q=wonosobo' })).json();
    expect(byText.items.map((v: { villageCode: string }) => v.villageCode)).toEqual(['3307102004']);
  });

  it('lets the ministry enrol a village, refuses it twice, and records the audit trail', async () => {
    const s = await t.login('kemnaker');
    const payload = {
      villageCode: '3212162001',
      cohortYear: 2018,
      officers: [{ name: 'Ratna Sari', phone: '081299990001' }],
      headName: 'Karsono',
      notes: 'Usulan Disnaker Indramayu',
    };
    const res = await s.request({ method: 'POST', url: '/api/v1/program/villages', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ villageCode: '3212162001', regencyName: 'KABUPATEN INDRAMAYU', status: 'aktif', cohortYear: 2018 });
    const again = await s.request({ method: 'POST', url: '/api/v1/program/villages', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Desa ini sudah terdaftar sebagai Desa Migran Produktif.');
    const { rows } = await t.pool.query(`SELECT actor_username, action, after FROM audit_log WHERE entity_type = 'program_village' AND entity_id = '3212162001'`);
    expect(rows).toEqual([{ actor_username: 'kemnaker', action: 'create', after: expect.objectContaining({ cohortYear: 2018, headName: 'Karsono' }) }]);
  });

  it('refuses codes that are not villages and explains each bad field in Indonesian', async () => {
    const s = await t.login('kemnaker');
    const district = await s.request({ method: 'POST', url: '/api/v1/program/villages', payload: { villageCode: '3212169999', cohortYear: 2018 } });
    expect(district.json().error.details).toEqual([{ path: 'villageCode', message: 'Kode desa tidak terdaftar di data wilayah Kemendagri' }]);
    const bad = await s.request({
      method: 'POST',
      url: '/api/v1/program/villages',
      payload: { villageCode: '32.12.16.2002', cohortYear: 2015, officers: [{ name: 'A' }, { name: 'Budi' }, { name: 'Cici' }], headPhone: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'villageCode', message: 'Kode desa harus 10 digit angka (contoh 3212162004)' },
        { path: 'cohortYear', message: 'Program Desmigratif dimulai tahun 2016' },
        { path: 'officers', message: 'Paling banyak dua petugas per desa' },
        { path: 'headPhone', message: 'Nomor HP tidak valid (contoh 081234567890)' },
      ]),
    );
  });

  it('lets a coordinator propose a village in the regency but not select it', async () => {
    const s = await t.login('disnaker.indramayu');
    const proposed = await s.request({ method: 'POST', url: '/api/v1/program/villages', payload: { villageCode: '3212162002', cohortYear: 2026 } });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().status).toBe('diusulkan');
    const selecting = await s.request({ method: 'PATCH', url: '/api/v1/program/villages/3212162002', payload: { status: 'aktif' } });
    expect(selecting.statusCode).toBe(403);
    expect(selecting.json().error.message).toMatch(/hanya dapat mengusulkan desa/);
    const details = await s.request({ method: 'PATCH', url: '/api/v1/program/villages/3212162002', payload: { headName: 'Rohadi' } });
    expect(details.statusCode, details.body).toBe(200);
    expect(details.json().headName).toBe('Rohadi');
  });

  it('refuses an edit made on an old copy instead of overwriting someone else\'s change', async () => {
    const ministry = await t.login('kemnaker');
    const coordinator = await t.login('disnaker.wonosobo');
    const loaded = (await coordinator.request({ method: 'GET', url: '/api/v1/program/villages/3307102004' })).json();
    const first = await ministry.request({
      method: 'PATCH',
      url: '/api/v1/program/villages/3307102004',
      payload: { notes: 'Catatan Kemnaker', version: loaded.version },
    });
    expect(first.statusCode).toBe(200);
    expect(BigInt(first.json().version)).toBeGreaterThan(BigInt(loaded.version));
    const stale = await coordinator.request({
      method: 'PATCH',
      url: '/api/v1/program/villages/3307102004',
      payload: { notes: 'Catatan Disnaker', version: loaded.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const now = (await coordinator.request({ method: 'GET', url: '/api/v1/program/villages/3307102004' })).json();
    expect(now.notes).toBe('Catatan Kemnaker');
  });

  it('counts villages per cohort against the yearly targets, nationally and per region', async () => {
    const s = await t.login('mitra.kemenkes');
    const national = (await s.request({ method: 'GET', url: '/api/v1/program/summary' })).json();
    const year = (y: number) => national.rows.find((r: { year: number }) => r.year === y);
    expect(year(2016)).toEqual({ year: 2016, target: 2, enrolled: 2, cumulativeEnrolled: 2, cumulativeTarget: 2 });
    expect(year(2017)).toMatchObject({ target: 120, enrolled: 6, cumulativeTarget: 122 });
    expect(year(2019)).toMatchObject({ target: 150, enrolled: 0, cumulativeTarget: 402 });
    // Kenanga and Kroya from the demo data, and the 2018 village enrolled above; proposals do not count.
    expect(national.byProvince[0]).toEqual({ code: '32', name: 'JAWA BARAT', villages: 3 });
    expect(national.byStatus).toEqual({ aktif: 9, diusulkan: 1 });
    const jabar = (await s.request({ method: 'GET', url: '/api/v1/program/summary?within=32' })).json();
    expect(jabar.rows.every((r: { target: number | null }) => r.target === null)).toBe(true);
    expect(jabar.byProvince).toEqual([{ code: '32', name: 'JAWA BARAT', villages: jabar.rows.reduce((n: number, r: { enrolled: number }) => n + r.enrolled, 0) }]);
  });

  it('lets only the ministry or an admin change a yearly target', async () => {
    const ministry = await t.login('kemnaker');
    const res = await ministry.request({ method: 'PUT', url: '/api/v1/program/targets/2027', payload: { target: 200 } });
    expect(res.json()).toEqual({ year: 2027, target: 200 });
    const negative = await ministry.request({ method: 'PUT', url: '/api/v1/program/targets/2027', payload: { target: -5 } });
    expect(negative.json().error.details).toEqual([{ path: 'target', message: 'Target tidak boleh negatif' }]);
    const coordinator = await t.login('disnaker.indramayu');
    expect((await coordinator.request({ method: 'PUT', url: '/api/v1/program/targets/2027', payload: { target: 1 } })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'admin.jabar', fullName: 'Admin Jawa Barat', role: 'admin', scopeCode: '32', password: 'AdminJabar#2026' },
    });
    expect(created.statusCode).toBe(201);
    const provincial = await t.login('admin.jabar', 'AdminJabar#2026');
    const byProvince = await provincial.request({ method: 'PUT', url: '/api/v1/program/targets/2027', payload: { target: 1 } });
    expect(byProvince.statusCode).toBe(403);
    expect(byProvince.json().error.message).toBe('Target nasional hanya dapat diubah oleh akun tingkat nasional.');
    const targets = (await coordinator.request({ method: 'GET', url: '/api/v1/program/targets' })).json().items;
    expect(targets).toContainEqual({ year: 2027, target: 200 });
  });
});

describe('searching by code', () => {
  it('finds a region by its code, dotted or plain, and the regions below it', async () => {
    const s = await t.login('kemnaker');
    const dottedRes = await s.request({ method: 'GET', url: '/api/v1/regions/search?q=32.12.16' });
    expect(dottedRes.statusCode, dottedRes.body).toBe(200);
    const dotted = dottedRes.json().items;
    expect(dotted[0]).toMatchObject({ code: '321216', name: 'Sindang', level: 'kecamatan' });
    expect(dotted.slice(1).every((r: { code: string }) => r.code.startsWith('321216'))).toBe(true);
    const plain = (await s.request({ method: 'GET', url: '/api/v1/regions/search?q=3212162004' })).json().items;
    expect(plain.map((r: { name: string }) => r.name)).toEqual(['Kenanga']);
  });
});
