import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { multipart, workbook } from '../people/import/test-files.js';
import { parseAgencyRow, parseSheetDate } from './agency-import.js';

const t = useTestApp();

const header = ['Nama', 'NOMOR_IZIN', 'berlaku sampai', 'alamat', 'cabang'];
const goodRows = [
  ['PT Citra Karya Abadi', 'KEP.301/PPTK/2023', '2028-12-31', 'Jl. Gatot Subroto 1, Jakarta', 'Cabang Indramayu: Jl. Siliwangi 2; Cabang Cirebon'],
  ['PT Mitra Laut Sentosa', 'KEP.302/PPTK/2023', '31/01/2024', 'Tegal', null],
];
const badRows = [
  ['PT', 'KEP.303/PPTK/2023', null, null, null], // name too short
  ['PT Tanpa Izin Jelas', null, null, null, null], // no licence number
  ['PT Tanggal Aneh', 'KEP.304/PPTK/2023', '31 Juni 2027', null, null], // unreadable date
  ['PT Citra Karya Abadi Dua', 'kep.301/pptk/2023', null, null, null], // same licence as row 2
];

async function upload(username: string, content: Buffer, fileName = 'p3mi.xlsx') {
  const session = await t.login(username);
  const { payload, headers } = multipart(content, fileName);
  return session.request({ method: 'POST', url: '/api/v1/agencies/import', payload, headers });
}

describe('agencies from a spreadsheet', () => {
  it('imports the good rows and reports each bad one with its row, column and reason', async () => {
    const file = await workbook([{ name: 'Daftar P3MI', rows: [header, ...goodRows, ...badRows] }]);
    const res = await upload('kemnaker', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejects: [
        { row: 4, column: 'nama', reason: 'Nama P3MI minimal 3 huruf' },
        { row: 5, column: 'nomor_izin', reason: 'Nomor izin (SIP3MI) wajib diisi' },
        { row: 6, column: 'berlaku_sampai', reason: 'Tanggal tidak dikenali (tulis 2027-03-31 atau 31/03/2027)' },
        { row: 7, column: 'nomor_izin', reason: 'Nomor izin sama dengan baris 2' },
      ],
    });
    const officer = await t.login('petugas.kenanga');
    const listed = (await officer.request({ method: 'GET', url: '/api/v1/agencies?q=citra%20karya' })).json().items;
    expect(listed).toEqual([
      expect.objectContaining({
        name: 'PT Citra Karya Abadi',
        licenceValidUntil: '2028-12-31',
        licenceStatus: 'licensed',
        branches: [
          { name: 'Cabang Indramayu', address: 'Jl. Siliwangi 2' },
          { name: 'Cabang Cirebon', address: null },
        ],
      }),
    ]);
    const expired = (await officer.request({ method: 'GET', url: '/api/v1/agencies?q=mitra%20laut' })).json().items[0];
    expect(expired).toMatchObject({ licenceValidUntil: '2024-01-31', licenceStatus: 'expired' });
    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'placement_agency' AND action = 'import' AND region_code = ''`);
    expect(audit.rows[0].n).toBe(2);
  });

  it('updates by licence number on a re-import, never duplicates, and reads CSV with semicolons', async () => {
    const csv = Buffer.from(
      [
        'nama;nomor_izin;berlaku_sampai;alamat;cabang',
        'PT Citra Karya Abadi;KEP.301/PPTK/2023;2028-12-31;Jl. Gatot Subroto 1, Jakarta;Cabang Indramayu: Jl. Siliwangi 2; Cabang Cirebon',
        'PT Mitra Laut Sentosa;KEP.302/PPTK/2023;2029-01-31;Tegal;',
      ].join('\r\n'),
      'utf8',
    );
    // The CSV's cabang cell is split at its own semicolon: quote it as a spreadsheet program does.
    const quoted = Buffer.from(csv.toString('utf8').replace('Cabang Indramayu: Jl. Siliwangi 2; Cabang Cirebon', '"Cabang Indramayu: Jl. Siliwangi 2; Cabang Cirebon"'));
    const res = await upload('disnaker.indramayu', quoted, 'p3mi.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 1, rejects: [] });
    const count = await t.pool.query(`SELECT count(*)::int AS n FROM placement_agencies WHERE upper(licence_number) LIKE 'KEP.30%'`);
    expect(count.rows[0].n).toBe(2);
    const renewed = await t.pool.query(`SELECT to_char(licence_valid_until, 'YYYY-MM-DD') AS d FROM placement_agencies WHERE licence_number = 'KEP.302/PPTK/2023'`);
    expect(renewed.rows[0].d).toBe('2029-01-31');
  });

  it('exports the registry in the same columns, and the export imports back unchanged', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: '/api/v1/agencies/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('p3mi.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['nama', 'nomor_izin', 'berlaku_sampai', 'alamat', 'cabang']);
    expect(rows).toContainEqual(['PT Citra Karya Abadi', 'KEP.301/PPTK/2023', '2028-12-31', 'Jl. Gatot Subroto 1, Jakarta', 'Cabang Indramayu: Jl. Siliwangi 2; Cabang Cirebon']);
    const total = await t.pool.query(`SELECT count(*)::int AS n FROM placement_agencies`);
    const again = await upload('kemnaker', res.rawPayload);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: total.rows[0].n, rejects: [] });
  });

  it('refuses a file it cannot read, and anyone who does not keep the registry', async () => {
    const noHeader = await workbook([{ name: 'Sheet1', rows: [['perusahaan', 'izin'], ['PT A', '1']] }]);
    const res = await upload('kemnaker', noHeader);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('COLUMNS_MISSING');
    const pdf = await upload('kemnaker', Buffer.from('%PDF-1.4 bukan excel'), 'p3mi.pdf');
    expect(pdf.json().error.code).toBe('FILE_IS_PDF');
    const ministry = await t.login('kemnaker');
    const notMultipart = await ministry.request({ method: 'POST', url: '/api/v1/agencies/import', payload: { file: 'nama,nomor_izin' } });
    expect(notMultipart.statusCode).toBe(415);

    const before = await t.pool.query(`SELECT count(*)::int AS n FROM placement_agencies`);
    const file = await workbook([{ name: 'P3MI', rows: [header, ['PT Penyusup Jaya', 'KEP.999/X/2026', null, null, null]] }]);
    for (const username of ['petugas.kenanga', 'kades.kenanga', 'mitra.kemenkes']) {
      expect((await upload(username, file)).statusCode, username).toBe(403);
    }
    const after = await t.pool.query(`SELECT count(*)::int AS n FROM placement_agencies`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agencies/export.xlsx' })).statusCode).toBe(401);
  });
});

describe('reading one row of the agency sheet', () => {
  it('reads the dates officers type, and Excel dates', () => {
    expect(parseSheetDate('2027-03-31')).toBe('2027-03-31');
    expect(parseSheetDate('31/03/2027')).toBe('2027-03-31');
    expect(parseSheetDate('1-3-2027')).toBe('2027-03-01');
    expect(parseSheetDate('31.12.2026')).toBe('2026-12-31');
    expect(parseSheetDate(new Date(Date.UTC(2027, 5, 30)))).toBe('2027-06-30');
    expect(parseSheetDate(46387)).toBe('2026-12-31');
    expect(parseSheetDate(null)).toBeNull();
    expect(parseSheetDate('30/02/2027')).toBe('invalid');
    expect(parseSheetDate('besok')).toBe('invalid');
  });

  it('reports every problem of a row against its column', () => {
    expect(parseAgencyRow({ row: 9, cells: { nama: 'X', nomor_izin: null, berlaku_sampai: 'kemarin' } })).toEqual({
      problems: [
        { row: 9, column: 'berlaku_sampai', reason: 'Tanggal tidak dikenali (tulis 2027-03-31 atau 31/03/2027)' },
        { row: 9, column: 'nama', reason: 'Nama P3MI minimal 3 huruf' },
        { row: 9, column: 'nomor_izin', reason: 'Nomor izin (SIP3MI) wajib diisi' },
      ],
    });
    expect(parseAgencyRow({ row: 2, cells: { nama: 'PT Angka', nomor_izin: 12345 } })).toEqual({
      values: { name: 'PT Angka', licenceNumber: '12345', licenceValidUntil: null, address: null, branches: [] },
    });
  });
});
