import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { opened, sortedBy } from '../../../test/sealed.js';
import { useTestApp } from '../../../test/support.js';
import { allColumns, importFile, residentWorkbook, residents } from './test-files.js';

const t = useTestApp();
const KENANGA = '3212162004';
const KROYA = '3212022002';

/** Everything the OpenSID layout carries about a village's people and families, without ids. */
async function registry(villageCode: string) {
  const { rows: people } = await t.pool.query(
    `SELECT p.nik, p.name, p.name_key, p.sex, p.birth_place, p.birth_date, p.religion, p.education_kk, p.education_current,
            p.occupation, p.marital_status, p.family_relationship, p.citizenship, p.father_nik, p.father_name, p.mother_nik,
            p.mother_name, p.blood_type, p.birth_certificate, p.passport_number, p.passport_expiry, p.kitas_number,
            p.marriage_certificate, p.marriage_date, p.divorce_certificate, p.divorce_date, p.disability, p.contraception,
            p.pregnant, p.ktp_el, p.record_status, p.current_address, p.status_dasar, p.ethnicity, p.tag_id_card,
            p.insurance_type, p.insurance_number, p.lat::text, p.lng::text, p.address, p.dusun, p.rw, p.rt, p.migrant_status,
            c.no_kk
       FROM people p LEFT JOIN family_card_numbers c ON c.family_id = p.family_id AND c.valid_to IS NULL
      WHERE p.village_code = $1 AND p.deleted_at IS NULL`,
    [villageCode],
  );
  const { rows: families } = await t.pool.query(
    `SELECT c.no_kk, c.valid_from, h.nik AS head_nik, f.address, f.dusun, f.rw, f.rt
       FROM families f JOIN family_card_numbers c ON c.family_id = f.id AND c.valid_to IS NULL
       LEFT JOIN people h ON h.id = f.head_person_id
      WHERE f.village_code = $1 AND f.deleted_at IS NULL`,
    [villageCode],
  );
  // Sealed numbers cannot be ordered in SQL: both lists are sorted once opened (ties by name, then head).
  return { people: sortedBy(opened(people), 'nik', 'name'), families: sortedBy(opened(families), 'no_kk', 'head_nik') };
}

describe('exporting a village registry', () => {
  it('writes the OpenSID layout and, imported into another village, gives the same registry', async () => {
    const officer = await t.login('petugas.kenanga');
    const people = residents(24, { firstSerial: 100 });
    Object.assign(people[0]!, {
      dokumen_pasport: 'C1234567',
      tanggal_akhir_paspor: '2031-05-01',
      tanggalperkawinan: '1995-08-17',
      akta_perkawinan: '123/1995',
      ayah_nik: '3212160101500001',
      ibu_nik: '3212164101550001',
      lat: '-6.3275123',
      lng: '108.3249',
      cacat_id: 7,
      ktp_el: 2,
      status_rekam: 4,
      id_asuransi: 2,
      no_asuransi: '0001234567890',
      suku: 'Jawa',
      pekerja_migran: 'Purna PMI',
    });
    people[1]!.nik = '0321216200400003';
    people[2]!.pekerja_migran = 'calon_pmi';
    people[3]!.pekerja_migran = 'Keluarga PMI';
    people[4]!.status_dasar = 'PINDAH';
    const imported = await importFile(officer, KENANGA, await residentWorkbook(people));
    expect(imported).toMatchObject({ createdCount: 24, rejectedCount: 0 });
    // Someone recorded on the phone without a family card yet: exported with an empty no_kk.
    const loose = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/people`,
      payload: { nik: '3212166607010009', name: 'Tanpa Kartu Keluarga', sex: 2, birthDate: '2001-07-26' },
    });
    expect(loose.statusCode).toBe(201);

    const res = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('data-penduduk-3212162004.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Data Penduduk')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...allColumns]);
    const kenanga = await registry(KENANGA);
    // The demo registry of Kenanga is exported too.
    expect(sheet.actualRowCount).toBe(kenanga.people.length + 1);
    const exported = sheet.getRows(2, sheet.actualRowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    const column = (name: string) => allColumns.indexOf(name as (typeof allColumns)[number]);
    const first = exported.find((row) => row[column('nik')] === people[0]!.nik)!;
    expect(first[column('sex')]).toBe(1);
    expect(first[column('agama_id')]).toBe(1);
    expect(first[column('tanggallahir')]).toBe(people[0]!.tanggallahir);
    expect(first[column('no_kk')]).toBe(people[0]!.no_kk);
    expect(first[column('rt')]).toBe(people[0]!.rt);
    expect(first[column('lat')]).toBe(-6.3275123);
    expect(first[column('pekerja_migran')]).toBe('purna_pmi');

    const { rows: audit } = await t.pool.query(
      `SELECT actor_username, region_code, after FROM audit_log WHERE action = 'export' AND entity_type = 'people_export'`,
    );
    expect(audit).toEqual([{ actor_username: 'petugas.kenanga', region_code: KENANGA, after: { format: 'xlsx', people: kenanga.people.length } }]);

    const kroya = await t.login('petugas.kroya');
    const roundTrip = await importFile(kroya, KROYA, res.rawPayload, 'data-penduduk-3212162004.xlsx');
    expect(roundTrip).toMatchObject({ createdCount: kenanga.people.length, rejectedCount: 0 });
    expect(await registry(KROYA)).toEqual(kenanga);
  });
});

describe('who may export full identity numbers', () => {
  it('refuses a regency coordinator, who sees NIKs masked on screen', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const res = await coordinator.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/export.xlsx` });
    expect(res.statusCode).toBe(403);
  });
});
