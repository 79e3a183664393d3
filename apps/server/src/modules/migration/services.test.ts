import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';
const services = `/api/v1/villages/${KENANGA}/services`;

async function registeredResident(): Promise<{ id: string; name: string }> {
  const { rows } = await t.pool.query(`SELECT id, name FROM people WHERE village_code = $1 AND deleted_at IS NULL ORDER BY name LIMIT 1`, [KENANGA]);
  return rows[0];
}

describe('the service log', () => {
  it('records a registered resident and a walk-in visitor, and lists them by month and type', async () => {
    const officer = await t.login('petugas.kenanga');
    const resident = await registeredResident();
    const first = await officer.request({
      method: 'POST',
      url: services,
      payload: { personId: resident.id, serviceType: 'informasi_migrasi_aman', serviceDate: '2026-03-02', notes: 'Bertanya soal kerja di Hong Kong', followUpDate: '2026-03-09' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ personId: resident.id, name: resident.name, registered: true, serviceType: 'informasi_migrasi_aman', followUpDate: '2026-03-09', officerName: 'Siti Rohmah' });
    const walkIn = await officer.request({
      method: 'POST',
      url: services,
      payload: { visitorName: 'Warsini', serviceType: 'pengurusan_dokumen', serviceDate: '2026-03-15' },
    });
    expect(walkIn.statusCode).toBe(201);
    expect(walkIn.json()).toMatchObject({ personId: null, name: 'Warsini', registered: false });
    await officer.request({ method: 'POST', url: services, payload: { visitorName: 'Tarmini', serviceType: 'pengurusan_dokumen', serviceDate: '2026-04-01' } });

    const march = await officer.request({ method: 'GET', url: `${services}?month=2026-03` });
    expect(march.statusCode).toBe(200);
    expect(march.json().total).toBe(2);
    expect(march.json().items.map((i: { name: string }) => i.name)).toEqual(['Warsini', resident.name]);
    const documents = await officer.request({ method: 'GET', url: `${services}?month=2026-03&serviceType=pengurusan_dokumen` });
    expect(documents.json().items.map((i: { name: string }) => i.name)).toEqual(['Warsini']);

    const audited = await t.pool.query(`SELECT 1 FROM audit_log WHERE entity_type = 'migration_service' AND entity_id = $1 AND region_code = $2`, [walkIn.json().id, KENANGA]);
    expect(audited.rowCount).toBe(1);
  });

  it('counts services per month and type for the officer report', async () => {
    const head = await t.login('kades.kenanga');
    const res = await head.request({ method: 'GET', url: `${services}/summary?year=2026` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.months[2]).toMatchObject({ month: '2026-03', total: 2 });
    expect(body.months[2].byType).toMatchObject({ informasi_migrasi_aman: 1, pengurusan_dokumen: 1, lainnya: 0 });
    expect(body.months[3]).toMatchObject({ month: '2026-04', total: 1 });
    // The demo seed adds visits of recent weeks; the year's total is the sum of its months.
    expect(body.total).toBe(body.months.reduce((sum: number, m: { total: number }) => sum + m.total, 0));
    const bad = await head.request({ method: 'GET', url: `${services}/summary?year=dua` });
    expect(bad.statusCode).toBe(400);
  });

  it('records a same-id retry once', async () => {
    const officer = await t.login('petugas.kenanga');
    const payload = { id: '01900000-0000-7000-8000-0000000000aa', visitorName: 'Karsih', serviceType: 'lainnya', serviceDate: '2026-05-01' };
    const a = await officer.request({ method: 'POST', url: services, payload });
    const b = await officer.request({ method: 'POST', url: services, payload });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const { rowCount } = await t.pool.query(`SELECT 1 FROM migration_services WHERE visitor_name = 'Karsih'`);
    expect(rowCount).toBe(1);
  });

  it('explains bad input in Indonesian and records nothing', async () => {
    const officer = await t.login('petugas.kenanga');
    const before = await t.pool.query(`SELECT count(*)::int AS n FROM migration_services`);
    const bad = await officer.request({ method: 'POST', url: services, payload: { serviceType: 'ngobrol', serviceDate: '2026-13-01' } });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as Array<{ path: string; message: string }>;
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'serviceType', message: 'Jenis layanan tidak dikenal' },
        { path: 'serviceDate', message: 'Tanggal layanan tidak valid (format YYYY-MM-DD)' },
      ]),
    );
    const nobody = await officer.request({ method: 'POST', url: services, payload: { serviceType: 'lainnya', serviceDate: '2026-03-01' } });
    expect(nobody.json().error.details).toEqual([{ path: 'visitorName', message: 'Pilih penduduk yang terdaftar atau isi nama pengunjung (minimal 2 huruf)' }]);
    const backwards = await officer.request({
      method: 'POST',
      url: services,
      payload: { visitorName: 'Rasmi', serviceType: 'lainnya', serviceDate: '2026-03-10', followUpDate: '2026-03-01' },
    });
    expect(backwards.json().error.details).toEqual([{ path: 'followUpDate', message: 'Tanggal tindak lanjut tidak boleh sebelum tanggal layanan' }]);
    const { rows } = await t.pool.query(`SELECT id FROM people WHERE village_code <> $1 AND deleted_at IS NULL LIMIT 1`, [KENANGA]);
    if (rows[0]) {
      const elsewhere = await officer.request({ method: 'POST', url: services, payload: { personId: rows[0].id, serviceType: 'lainnya', serviceDate: '2026-03-10' } });
      expect(elsewhere.statusCode).toBe(400);
      expect(elsewhere.json().error.details).toEqual([{ path: 'personId', message: 'Penduduk tidak ditemukan di desa ini' }]);
    }
    const month = await officer.request({ method: 'GET', url: `${services}?month=2026-3` });
    expect(month.json().error.details).toEqual([{ path: 'month', message: 'Bulan tidak valid (format YYYY-MM, contoh 2026-03)' }]);
    const after = await t.pool.query(`SELECT count(*)::int AS n FROM migration_services`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('keeps the log closed to the cooperative board and partners', async () => {
    for (const username of ['koperasi.kenanga', 'mitra.kemenkes']) {
      const s = await t.login(username);
      expect((await s.request({ method: 'GET', url: services })).statusCode).toBe(403);
    }
  });
});
