import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nikIndex, nikIndexes, opened, sortedBy } from '../../../test/sealed.js';
import { type Session, useTestApp } from '../../../test/support.js';
import { allColumns, csv, importFile, multipart, residentWorkbook, residents, sheetRows, upload, waitForJob, workbook } from './test-files.js';

const t = useTestApp();
const KENANGA = '3212162004';
const KROYA = '3212022002';
let officer: Session;

beforeAll(async () => {
  officer = await t.login('petugas.kenanga');
});

async function villagePeople(villageCode: string) {
  const { rows } = await t.pool.query(
    `SELECT p.nik, p.name, p.name_key, p.sex, p.birth_date, p.family_relationship, p.migrant_status, p.version::text AS version,
            c.no_kk, f.head_person_id = p.id AS is_head
       FROM people p JOIN families f ON f.id = p.family_id
       JOIN family_card_numbers c ON c.family_id = f.id AND c.valid_to IS NULL
      WHERE p.village_code = $1 AND p.deleted_at IS NULL ORDER BY p.id`,
    [villageCode],
  );
  return sortedBy(opened(rows), 'nik');
}

async function readWorkbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Data Penduduk')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('importing an OpenSID workbook', () => {
  it('imports every resident with their family, head of family and migrant status, and audits the job once', async () => {
    const kroya = await t.login('petugas.kroya');
    const people = residents(40);
    const job = await importFile(kroya, KROYA, await residentWorkbook(people), 'Data Penduduk Kroya.xlsx');
    expect(job).toMatchObject({
      villageCode: KROYA,
      fileName: 'Data Penduduk Kroya.xlsx',
      status: 'selesai',
      totalRows: 40,
      processedRows: 40,
      createdCount: 40,
      updatedCount: 0,
      unchangedCount: 0,
      rejectedCount: 0,
      errorMessage: null,
      createdByName: 'Nur Aini',
    });

    const stored = await villagePeople(KROYA);
    expect(stored).toHaveLength(40);
    const first = stored.find((p) => p.nik === people[0]!.nik)!;
    expect(first).toMatchObject({ name: people[0]!.nama, name_key: 'ahmad warga 0', sex: 1, no_kk: people[0]!.no_kk });
    // Ten families of four; the KEPALA KELUARGA row heads each one.
    const families = opened(
      (
        await t.pool.query(
          `SELECT f.id, f.head_person_id, f.dusun, f.rt, c.no_kk, c.valid_from FROM families f
             JOIN family_card_numbers c ON c.family_id = f.id AND c.valid_to IS NULL WHERE f.village_code = $1`,
          [KROYA],
        )
      ).rows,
    );
    expect(families).toHaveLength(new Set(people.map((p) => p.no_kk)).size);
    expect(families.every((f) => f.head_person_id !== null)).toBe(true);
    expect(stored.filter((p) => p.is_head).map((p) => p.family_relationship)).toEqual(expect.arrayContaining([1]));
    expect(stored.filter((p) => p.is_head).every((p) => p.family_relationship === 1)).toBe(true);
    // The KK's issue date (DDMMYY inside the number) is when its card became valid.
    const kk = families.find((f) => f.no_kk === people[0]!.no_kk)!;
    expect(kk.valid_from).toBe(`2015-06-${String(people[0]!.no_kk).slice(6, 8)}`);

    const migrants = people.filter((p) => p.pekerja_migran === 'pmi').map((p) => p.nik);
    expect(migrants.length).toBeGreaterThan(0);
    expect(stored.filter((p) => p.migrant_status === 'pmi').map((p) => p.nik).sort()).toEqual([...migrants].sort());
    const { rows: events } = await t.pool.query(
      `SELECT e.status, e.effective_date, e.note FROM migrant_status_events e JOIN people p ON p.id = e.person_id WHERE p.village_code = $1`,
      [KROYA],
    );
    expect(events).toHaveLength(migrants.length);
    expect(events[0]).toMatchObject({ status: 'pmi', note: 'Impor berkas Data Penduduk Kroya.xlsx' });

    const { rows: audit } = await t.pool.query(`SELECT actor_username, action, region_code, after FROM audit_log WHERE entity_id = $1`, [job.id]);
    expect(audit).toEqual([
      {
        actor_username: 'petugas.kroya',
        action: 'import',
        region_code: KROYA,
        after: expect.objectContaining({ status: 'selesai', created: 40, updated: 0, unchanged: 0, rejected: 0 }),
      },
    ]);

    const history = await kroya.request({ method: 'GET', url: `/api/v1/villages/${KROYA}/people/imports` });
    expect(history.json()).toMatchObject({ total: 1, items: [{ id: job.id, status: 'selesai' }] });
    // The file is not kept once imported.
    const { rows: kept } = await t.pool.query('SELECT file_content FROM import_jobs WHERE id = $1', [job.id]);
    expect(kept[0].file_content).toBeNull();
  });

  it('imports the good rows of a large file and reports each bad one by row, column and reason', async () => {
    const people = residents(2500, { firstSerial: 5000 });
    people[10]!.nik = '321216520390001'; // 15 digits
    people[1200]!.sex = 'X';
    people[2400]!.tanggallahir = '31/02/1990';
    // A NIK whose date disagrees with the birth date is a warning: the row is imported.
    people[7]!.tanggallahir = '1999-01-01';
    const job = await importFile(officer, KENANGA, await residentWorkbook(people), 'penduduk-kenanga.xlsx');
    expect(job).toMatchObject({ status: 'selesai', totalRows: 2500, processedRows: 2500, createdCount: 2497, rejectedCount: 3 });

    const rejects = await officer.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}/rejects` });
    expect(rejects.statusCode).toBe(200);
    expect(rejects.json()).toEqual({
      total: 3,
      page: 1,
      pageSize: 50,
      items: [
        { row: 12, name: people[10]!.nama, problems: [{ column: 'nik', reason: 'NIK harus 16 digit angka' }] },
        { row: 1202, name: people[1200]!.nama, problems: [{ column: 'sex', reason: '"X" tidak dikenal: kode jenis kelamin harus 1–2 atau namanya' }] },
        {
          row: 2402,
          name: people[2400]!.nama,
          problems: [{ column: 'tanggallahir', reason: 'Tanggal lahir tidak valid: "31/02/1990" (gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)' }],
        },
      ],
    });
    const paged = await officer.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}/rejects?page=2&pageSize=2` });
    expect(paged.json()).toMatchObject({ total: 3, items: [{ row: 2402 }] });

    const download = await officer.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}/rejects.xlsx` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers['content-disposition']).toContain('penduduk-kenanga-ditolak.xlsx');
    const sheet = await readWorkbook(download.rawPayload);
    expect(sheet[0]).toEqual([...allColumns, 'alasan']);
    expect(sheet).toHaveLength(4);
    const nik = allColumns.indexOf('nik');
    expect(sheet[1]![nik]).toBe('321216520390001');
    expect(sheet[1]![allColumns.length]).toBe('Baris 12: nik: NIK harus 16 digit angka');
    expect(sheet[3]![allColumns.indexOf('tanggallahir')]).toBe('31/02/1990');

    // Fixed and uploaded again, the three rows join the others.
    const fixed = [people[10]!, people[1200]!, people[2400]!].map((p) => ({ ...p }));
    fixed[0]!.nik = '3212160303800999';
    fixed[0]!.tanggallahir = '1980-03-03';
    fixed[1]!.sex = 'Perempuan';
    fixed[2]!.tanggallahir = '28/02/1990';
    const second = await importFile(officer, KENANGA, await residentWorkbook(fixed));
    expect(second).toMatchObject({ status: 'selesai', createdCount: 3, rejectedCount: 0 });
  }, 120_000);

  it('changes nothing when the same file is imported again', async () => {
    const people = residents(60, { firstSerial: 9000 });
    const file = await residentWorkbook(people);
    await importFile(officer, KENANGA, file);
    const before = await villagePeople(KENANGA);
    const { rows: eventsBefore } = await t.pool.query('SELECT count(*)::int AS n FROM migrant_status_events');
    const again = await importFile(officer, KENANGA, file);
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 60, rejectedCount: 0 });
    expect(await villagePeople(KENANGA)).toEqual(before);
    const { rows: eventsAfter } = await t.pool.query('SELECT count(*)::int AS n FROM migrant_status_events');
    expect(eventsAfter).toEqual(eventsBefore);

    // One changed cell updates one person, and a new migrant status is recorded as an event.
    people[5]!.pekerjaan_id = 88;
    people[6]!.pekerja_migran = 'Calon PMI';
    const edited = await importFile(officer, KENANGA, await residentWorkbook(people));
    expect(edited).toMatchObject({ createdCount: 0, updatedCount: 2, unchangedCount: 58 });
    const { rows: stored } = await t.pool.query(
      `SELECT p.nik, p.occupation, p.migrant_status, (SELECT count(*)::int FROM migrant_status_events e WHERE e.person_id = p.id) AS events
         FROM people p WHERE p.nik_bidx = ANY($1)`,
      [nikIndexes([people[5]!.nik as string, people[6]!.nik as string])],
    );
    const rows = opened(stored);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { nik: people[5]!.nik, occupation: 88, migrant_status: 'bukan_pmi', events: 0 },
        { nik: people[6]!.nik, occupation: 3, migrant_status: 'calon_pmi', events: 1 },
      ]),
    );
  });

  it('reads labels as the codes they stand for', async () => {
    const people = residents(8, { firstSerial: 9500 });
    await importFile(officer, KENANGA, await residentWorkbook(people));
    const labelled = people.map((p) => ({
      ...p,
      sex: p.sex === 1 ? 'LAKI-LAKI' : 'Perempuan',
      agama_id: 'Islam',
      pendidikan_kk_id: 'tamat sd / sederajat',
      pendidikan_sedang_id: 'TIDAK SEDANG SEKOLAH',
      pekerjaan_id: { 9: 'Petani/Pekebun', 2: 'MENGURUS RUMAH TANGGA', 3: 'Pelajar/Mahasiswa' }[p.pekerjaan_id as number] ?? null,
      status_kawin: p.status_kawin === 2 ? 'Kawin' : 'BELUM KAWIN',
      kk_level: { 1: 'KEPALA KELUARGA', 3: 'ISTRI', 4: 'ANAK' }[p.kk_level as number] ?? null,
      warganegara_id: 'WNI',
      golongan_darah_id: 'Tidak Tahu',
      status_dasar: 'HIDUP',
      pekerja_migran: p.pekerja_migran === 'pmi' ? 'PMI' : 'Bukan PMI',
    }));
    const job = await importFile(officer, KENANGA, await residentWorkbook(labelled));
    expect(job).toMatchObject({ rejectedCount: 0, createdCount: 0, updatedCount: 0, unchangedCount: 8 });
  });

  it('cleans invisible characters, stray apostrophes and placeholders from civil-registry exports', async () => {
    const [person] = residents(1, { firstSerial: 9600 });
    const dirty = {
      ...person!,
      nik: `\u200B'${person!.nik}\u00A0`,
      no_kk: `\uFEFF${person!.no_kk}`,
      nama: `  ${person!.nama}\u200B `,
      tanggallahir: new Date(`${person!.tanggallahir}T00:00:00Z`),
      tanggalperkawinan: '0000-00-00',
      nama_ayah: '-',
    };
    const job = await importFile(officer, KENANGA, await residentWorkbook([dirty]));
    expect(job).toMatchObject({ createdCount: 1, rejectedCount: 0 });
    const { rows } = await t.pool.query('SELECT nik, name, birth_date, marriage_date, father_name FROM people WHERE nik_bidx = $1', [
      nikIndex(person!.nik as string),
    ]);
    expect(opened(rows)).toEqual([{ nik: person!.nik, name: person!.nama, birth_date: person!.tanggallahir, marriage_date: null, father_name: null }]);
  });

  it('stops at a ### row, ignores other sheets, and tolerates a title above the header and any column order', async () => {
    const people = residents(6, { firstSerial: 9700 });
    const headers = [...allColumns].reverse();
    const rows = sheetRows(people.slice(0, 4), headers);
    const file = await workbook([
      { name: 'Petunjuk', rows: [['nik', 'nama'], ['bukan', 'data']] },
      {
        name: 'DATA PENDUDUK',
        rows: [['Data penduduk Desa Kenanga'], [], ...rows, ['###'], ...sheetRows(people.slice(4), headers).slice(1)],
      },
      { name: 'Kode', rows: [['kode', 'nama'], [1, 'ISLAM']] },
    ]);
    const job = await importFile(officer, KENANGA, file);
    expect(job).toMatchObject({ totalRows: 4, createdCount: 4, rejectedCount: 0 });
    const { rows: stored } = await t.pool.query('SELECT nik FROM people WHERE nik_bidx = ANY($1)', [nikIndexes(people.map((p) => p.nik as string))]);
    expect(opened(stored).map((r) => r.nik).sort()).toEqual(people.slice(0, 4).map((p) => p.nik).sort());
  });

  it('imports a CSV separated by semicolons, with a BOM, day-first dates and a temporary NIK', async () => {
    const people = residents(5, { firstSerial: 9800 });
    people[0]!.tanggallahir = '12/03/1975';
    people[1]!.tanggallahir = '09-07-1978';
    people[2]!.nik = '0321216200400077';
    const job = await importFile(officer, KENANGA, csv(people, { delimiter: ';', bom: true }), 'penduduk.csv');
    expect(job).toMatchObject({ createdCount: 5, rejectedCount: 0 });
    const { rows } = await t.pool.query('SELECT nik, birth_date FROM people WHERE nik_bidx = ANY($1)', [nikIndexes(people.map((p) => p.nik as string))]);
    expect(sortedBy(opened(rows), 'nik')).toEqual(
      expect.arrayContaining([
        { nik: people[0]!.nik, birth_date: '1975-03-12' },
        { nik: people[1]!.nik, birth_date: '1978-07-09' },
        { nik: '0321216200400077', birth_date: people[2]!.tanggallahir },
      ]),
    );
    // Commas work too, and the same people are recognised.
    const again = await importFile(officer, KENANGA, csv(people, { delimiter: ',' }), 'penduduk.csv');
    expect(again).toMatchObject({ createdCount: 0, unchangedCount: 5 });
  });
});

describe('files that cannot be imported', () => {
  const refused = async (content: Buffer, fileName = 'penduduk.xlsx') => {
    const res = await upload(officer, KENANGA, content, fileName);
    return { status: res.statusCode, error: res.json().error as { code: string; message: string } };
  };

  it('names the missing required headers', async () => {
    const file = await workbook([{ name: 'Data Penduduk', rows: [['Nama', 'Jenis Kelamin', 'Alamat'], ['Siti', 'P', 'Blok 1']] }]);
    expect(await refused(file)).toEqual({
      status: 422,
      error: {
        code: 'COLUMNS_MISSING',
        message: 'Kolom wajib tidak ditemukan di baris judul (baris 1): nik, sex, no_kk. Gunakan nama kolom format OpenSID, misalnya nama, nik, sex, no_kk.',
      },
    });
  });

  it('says when the sheet is empty, has only its header, or is not there', async () => {
    expect(await refused(await workbook([{ name: 'Data Penduduk', rows: [] }]))).toMatchObject({
      status: 422,
      error: { message: 'Lembar "Data Penduduk" kosong: tidak ada baris judul maupun data.' },
    });
    expect(await refused(await workbook([{ name: 'Data Penduduk', rows: [[...allColumns]] }]))).toMatchObject({
      status: 422,
      error: { message: 'Lembar "Data Penduduk" tidak berisi data penduduk: hanya ada baris judul.' },
    });
    expect(await refused(await workbook([{ name: 'Sheet1', rows: sheetRows(residents(1)) }]))).toMatchObject({
      status: 422,
      error: {
        message: 'Lembar "Data Penduduk" tidak ditemukan. Lembar yang ada: Sheet1. Beri nama lembar data penduduk "Data Penduduk".',
      },
    });
    expect(await refused(Buffer.from('nama;nik;sex;no_kk\r\n'), 'x.csv')).toMatchObject({
      status: 422,
      error: { message: 'Berkas CSV tidak berisi data penduduk: hanya ada baris judul.' },
    });
  });

  it('recognises a PDF renamed to .xlsx, and other files that are not spreadsheets', async () => {
    expect(await refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toEqual({
      status: 415,
      error: {
        code: 'FILE_IS_PDF',
        message: 'Berkas ini PDF, bukan Excel (.xlsx) atau CSV. Unduh data penduduk dari OpenSID dalam format Excel, lalu unggah berkas itu.',
      },
    });
    expect((await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'lama.xls')).error.code).toBe('FILE_IS_XLS');
    expect((await refused(Buffer.from('PK\u0003\u0004 not really a zip'))).error.message).toBe(
      'Berkas Excel rusak atau tidak dapat dibaca. Buka di Excel lalu simpan ulang sebagai .xlsx.',
    );
  });

  it('refuses a file over 20 MB with 413, and a request without a file', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    expect(await refused(big)).toEqual({ status: 413, error: { code: 'FILE_TOO_LARGE', message: 'Berkas terlalu besar (maks. 20 MB)' } });
    const json = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people/imports`, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toBe('Kirim berkas sebagai multipart/form-data pada kolom "file".');
  });

  it('queues nothing for a refused file', async () => {
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status = 'gagal'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('who may import', () => {
  it('keeps an officer of another village out of Kenanga imports, and a partner ministry out of all', async () => {
    const job = await importFile(officer, KENANGA, await residentWorkbook(residents(1, { firstSerial: 9900 })));
    const kuripan = await t.login('petugas.kuripan');
    const file = multipart(await residentWorkbook(residents(1, { firstSerial: 9901 })), 'x.xlsx');
    const attempts = [
      await kuripan.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people/imports`, ...file }),
      await kuripan.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/imports` }),
      await kuripan.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}` }),
      await kuripan.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}/rejects` }),
      await kuripan.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}/rejects.xlsx` }),
      await kuripan.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/export.xlsx` }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(attempts.map((r) => r.json().error.code)).toEqual(['OUT_OF_SCOPE', 'OUT_OF_SCOPE', 'OUT_OF_SCOPE', 'OUT_OF_SCOPE', 'OUT_OF_SCOPE', 'OUT_OF_SCOPE']);

    const mitra = await t.login('mitra.kemenkes');
    expect((await mitra.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}` })).statusCode).toBe(403);
    const cooperative = await t.login('koperasi.kenanga');
    expect((await cooperative.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/export.xlsx` })).statusCode).toBe(403);

    // The regency coordinator follows the village's imports.
    const coordinator = await t.login('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url: `/api/v1/people/imports/${job.id}` })).json()).toMatchObject({ id: job.id });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/imports/${job.id}` })).statusCode).toBe(401);
    await waitForJob(officer, job.id);
  });
});
