import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';

async function rowsOf(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('xlsx exports of the centre lists', () => {
  it('exports the service log with the same month and type filters', async () => {
    const officer = await t.login('petugas.kenanga');
    for (const [visitorName, serviceType, serviceDate] of [
      ['Karsih', 'informasi_migrasi_aman', '2026-03-04'],
      ['Tarmini', 'pengurusan_dokumen', '2026-03-10'],
      ['Rusdi', 'informasi_migrasi_aman', '2026-04-01'],
    ]) {
      const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/services`, payload: { visitorName, serviceType, serviceDate } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/services/export.xlsx?month=2026-03&serviceType=informasi_migrasi_aman` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('layanan-3212162004-2026-03-informasi_migrasi_aman.xlsx');
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]).toEqual(['Tanggal', 'Nama', 'Terdaftar', 'Jenis layanan', 'Petugas', 'Catatan', 'Tindak lanjut']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([['2026-03-04', 'Karsih', 'Tidak']]);
    const all = await rowsOf((await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/services/export.xlsx?month=2026-03` })).rawPayload);
    expect(all.slice(1).map((r) => r[1])).toEqual(['Tarmini', 'Karsih']);
  });

  it('exports the plan list with readiness and red flags, filtered like the list', async () => {
    const officer = await t.login('petugas.kenanga');
    const person = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik: '3212164505000013', name: 'Eka Wulandari', sex: 2, birthDate: '2000-05-05' } });
    const plan = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${person.json().id}/migration-plans`,
      payload: { destinationCountry: 'SA', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p', visaType: 'turis', feesAskedRupiah: 15_000_000 },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const res = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans/export.xlsx?flagged=true` });
    expect(res.statusCode).toBe(200);
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0]![0]).toBe('Nama');
    const eka = rows.find((r) => r[0] === 'Eka Wulandari')!;
    expect(eka).toBeDefined();
    expect(eka[1]).toBe('Arab Saudi');
    expect(eka[5]).toBe('Belum');
    expect(Number(eka[8])).toBeGreaterThanOrEqual(3);
    const ready = await rowsOf((await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans/export.xlsx?ready=true` })).rawPayload);
    expect(ready.some((r) => r[0] === 'Eka Wulandari')).toBe(false);
  });

  it('refuses both exports to another village and to the partner ministry', async () => {
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'mitra.kemenkes']) {
      const s = await t.login(username);
      for (const url of [`/api/v1/villages/${KENANGA}/services/export.xlsx`, `/api/v1/villages/${KENANGA}/migration-plans/export.xlsx`]) {
        expect((await s.request({ method: 'GET', url })).statusCode, `${username} ${url}`).toBe(403);
      }
    }
  });
});
