import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { lookupAgencyLicence } from './agencies-service.js';

const t = useTestApp();

describe('the registry of licensed agencies (P3MI)', () => {
  it('is kept by the ministry and read by anyone signed in, with each licence judged', async () => {
    const ministry = await t.login('kemnaker');
    const created = await ministry.request({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: {
        name: 'PT Bina Karya Mandiri',
        licenceNumber: 'KEP.2/PPTKIS/2021',
        licenceValidUntil: '2099-12-31',
        address: 'Jl. Raya Condet No. 12, Jakarta Timur',
        branches: [{ name: 'Cabang Indramayu', address: 'Jl. Jend. Sudirman, Indramayu' }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'PT Bina Karya Mandiri', licenceStatus: 'licensed', branches: [{ name: 'Cabang Indramayu' }] });
    const old = await ministry.request({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { name: 'PT Lama Sekali', licenceNumber: 'KEP.9/2010', licenceValidUntil: '2015-01-01' },
    });
    expect(old.json().licenceStatus).toBe('expired');

    const officer = await t.login('petugas.kenanga');
    const found = await officer.request({ method: 'GET', url: '/api/v1/agencies?q=bina%20karya' });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual(['PT Bina Karya Mandiri']);
    const partner = await t.login('mitra.kemenkes');
    const names = (await partner.request({ method: 'GET', url: '/api/v1/agencies?pageSize=100' })).json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['PT Bina Karya Mandiri', 'PT Lama Sekali']));

    const audited = await t.pool.query(`SELECT region_code FROM audit_log WHERE entity_type = 'placement_agency' AND entity_id = $1`, [created.json().id]);
    expect(audited.rows).toEqual([{ region_code: '' }]);
  });

  it('is edited with the version it was loaded on, and refuses a licence number twice', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const agency = (await coordinator.request({ method: 'GET', url: '/api/v1/agencies?q=lama' })).json().items[0];
    const renewed = await coordinator.request({ method: 'PATCH', url: `/api/v1/agencies/${agency.id}`, payload: { licenceValidUntil: '2099-01-01', version: agency.version } });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().licenceStatus).toBe('licensed');
    const stale = await coordinator.request({ method: 'PATCH', url: `/api/v1/agencies/${agency.id}`, payload: { address: 'Bekasi', version: agency.version } });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const twice = await coordinator.request({ method: 'POST', url: '/api/v1/agencies', payload: { name: 'PT Tiruan', licenceNumber: 'kep.2/pptkis/2021' } });
    expect(twice.statusCode).toBe(409);
    const bad = await coordinator.request({ method: 'POST', url: '/api/v1/agencies', payload: { name: 'PT', licenceNumber: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Nama P3MI minimal 3 huruf' },
        { path: 'licenceNumber', message: 'Nomor izin minimal 3 karakter' },
      ]),
    );
    const before = await t.pool.query(`SELECT 1 FROM placement_agencies`);
    const officer = await t.login('petugas.kenanga');
    expect((await officer.request({ method: 'POST', url: '/api/v1/agencies', payload: { name: 'PT Desa', licenceNumber: 'X-1' } })).statusCode).toBe(403);
    const after = await t.pool.query(`SELECT 1 FROM placement_agencies`);
    // Neither the duplicate, the invalid one nor the village officer's added anything.
    expect(after.rowCount).toBe(before.rowCount);
    expect((await t.pool.query(`SELECT 1 FROM placement_agencies WHERE name IN ('PT Tiruan', 'PT', 'PT Desa')`)).rowCount).toBe(0);
  });

  it('answers licensed, expired or unknown for a plan’s agency, by licence number else by name', async () => {
    await t.pool.query(
      `INSERT INTO placement_agencies (id, name, licence_number, licence_valid_until) VALUES ('01900000-0000-7000-8000-0000000000b1', 'PT Habis Izin', 'KEP.5/2012', '2020-01-01')`,
    );
    expect(await lookupAgencyLicence(t.pool, { licenceNumber: ' kep.2/pptkis/2021 ' })).toBe('licensed');
    expect(await lookupAgencyLicence(t.pool, { name: '  pt bina karya mandiri' })).toBe('licensed');
    expect(await lookupAgencyLicence(t.pool, { name: 'PT Habis Izin' })).toBe('expired');
    expect(await lookupAgencyLicence(t.pool, { licenceNumber: 'KEP.404/2024', name: 'Sponsor Pak Darto' })).toBe('unknown');
    expect(await lookupAgencyLicence(t.pool, {})).toBe('unknown');
  });
});
