import type { PeopleImportColumn } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { type Cell, cleanText, headerKey } from './cells.js';
import { detectFileFormat } from './file-format.js';
import { parseRow, readDate } from './row-parser.js';
import type { SheetLayout } from './sheet-reader.js';

const today = '2026-11-22';

function layoutOf(columns: PeopleImportColumn[]): SheetLayout {
  return { columns: new Map(columns.map((c, i) => [c, i])), headerRowNumber: 1 };
}

function parse(values: Partial<Record<PeopleImportColumn, Cell>>, rowNumber = 2) {
  const columns = Object.keys(values) as PeopleImportColumn[];
  return parseRow({ rowNumber, cells: columns.map((c) => values[c] ?? null) }, layoutOf(columns), today);
}

const siti = {
  nama: 'Siti Aminah',
  nik: '3212165203900001',
  no_kk: '3212160101150001',
  sex: 2,
  tanggallahir: '1990-03-12',
} satisfies Partial<Record<PeopleImportColumn, Cell>>;

describe('parseRow', () => {
  it('reads a row of codes into the person to write', () => {
    const parsed = parse({ ...siti, agama_id: 1, kk_level: 3, pekerja_migran: 'calon_pmi', lat: '-6.4', rt: '001' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.row).toMatchObject({
      rowNumber: 2,
      noKk: '3212160101150001',
      noKkIssueDate: '2015-01-01',
      migrantStatus: 'calon_pmi',
      person: {
        nik: '3212165203900001',
        name: 'Siti Aminah',
        name_key: 'siti aminah',
        sex: 2,
        birth_date: '1990-03-12',
        religion: 1,
        family_relationship: 3,
        citizenship: 1,
        status_dasar: 1,
        lat: '-6.4000000',
        rt: '001',
        occupation: null,
      },
    });
  });

  it('reads labels in any case and spacing the same as codes', () => {
    const labels = parse({
      ...siti,
      sex: 'Perempuan',
      agama_id: ' islam ',
      pendidikan_kk_id: 'Tamat SD/Sederajat',
      pekerjaan_id: 'mengurus rumah tangga',
      status_kawin: 'KAWIN',
      kk_level: 'Istri',
      warganegara_id: 'wni',
      golongan_darah_id: 'O',
      status_dasar: 'Hidup',
      pekerja_migran: 'Calon PMI',
    });
    const codes = parse({
      ...siti,
      sex: '2',
      agama_id: 1,
      pendidikan_kk_id: 3,
      pekerjaan_id: '02',
      status_kawin: 2,
      kk_level: 3,
      warganegara_id: 1,
      golongan_darah_id: 4,
      status_dasar: 1,
      pekerja_migran: 'calon_pmi',
    });
    expect(labels.ok && codes.ok).toBe(true);
    if (labels.ok && codes.ok) expect(labels.row.person).toEqual(codes.row.person);
    for (const label of ['PMI', 'Purna PMI', 'keluarga pmi', 'Bukan PMI', '']) {
      const parsed = parse({ ...siti, pekerja_migran: label || null });
      expect(parsed.ok && parsed.row.migrantStatus).toBe(
        { PMI: 'pmi', 'Purna PMI': 'purna_pmi', 'keluarga pmi': 'keluarga_pmi', 'Bukan PMI': 'bukan_pmi', '': 'bukan_pmi' }[label],
      );
    }
  });

  it('names every problem with its column and an Indonesian reason, left to right', () => {
    const parsed = parse({
      nama: 'S',
      nik: '32121652039',
      no_kk: null,
      sex: 'X',
      tanggallahir: '31/02/1990',
      agama_id: 'Kristiani',
      cacat_id: 'tidak',
      lat: '100',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.rejected.problems).toEqual([
      { column: 'nama', reason: 'Nama minimal 2 huruf' },
      { column: 'nik', reason: 'NIK harus 16 digit angka' },
      { column: 'sex', reason: '"X" tidak dikenal: kode jenis kelamin harus 1–2 atau namanya' },
      { column: 'tanggallahir', reason: 'Tanggal lahir tidak valid: "31/02/1990" (gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)' },
      { column: 'agama_id', reason: '"Kristiani" tidak dikenal: kode agama harus 1–7 atau namanya' },
      { column: 'cacat_id', reason: 'Kode cacat harus berupa angka, bukan "tidak"' },
      { column: 'lat', reason: 'Garis lintang (lat) harus angka antara -90 dan 90' },
    ]);
    expect(parsed.rejected.raw).toMatchObject({ nama: 'S', nik: '32121652039', sex: 'X', tanggallahir: '31/02/1990' });
  });

  it('uses the identity rules: errors reject, a NIK that disagrees with the birth date does not', () => {
    const mismatch = parse({ ...siti, tanggallahir: '1991-03-12' });
    expect(mismatch.ok).toBe(true);
    const unknownDistrict = parse({ ...siti, nik: '3299165203900001' });
    expect(!unknownDistrict.ok && unknownDistrict.rejected.problems).toEqual([
      { column: 'nik', reason: 'Kode kabupaten/kota 32.99 pada NIK tidak dikenal' },
    ]);
    const temporary = parse({ ...siti, nik: '0321216200400012' });
    expect(temporary.ok && temporary.row.person.nik).toBe('0321216200400012');
  });

  it('sends back a NIK that Excel stored as a number and so rounded', () => {
    const parsed = parse({ ...siti, nik: 3212165203900000 });
    expect(!parsed.ok && parsed.rejected.problems[0]?.reason).toBe(
      'NIK tersimpan sebagai angka sehingga Excel mungkin membulatkan digit terakhirnya; ubah format kolom menjadi Teks lalu ketik ulang NIK',
    );
    const exact = parse({ ...siti, nik: 3212165203900001 });
    expect(exact.ok).toBe(true);
  });

  it('requires name, NIK and sex in every row', () => {
    const parsed = parse({ nama: null, nik: null, no_kk: null, sex: null });
    expect(!parsed.ok && parsed.rejected.problems.map((p) => p.reason)).toEqual([
      'Nama wajib diisi',
      'NIK wajib diisi',
      'Jenis kelamin wajib diisi',
    ]);
  });

  it('reads an empty No. KK as a resident recorded without a family', () => {
    const parsed = parse({ ...siti, no_kk: null });
    expect(parsed.ok && parsed.row.noKk).toBe('');
  });

  it('treats OpenSID placeholders as empty: zero dates, zero parent NIKs', () => {
    const parsed = parse({ ...siti, tanggalperkawinan: '0000-00-00', ayah_nik: '0', ibu_nik: '0000000000000000' });
    expect(parsed.ok && parsed.row.person).toMatchObject({ marriage_date: null, father_nik: null, mother_nik: null });
  });

  it('refuses a birth date in the future but accepts a passport that expires later', () => {
    const parsed = parse({ ...siti, tanggallahir: '2030-01-01', tanggal_akhir_paspor: '2030-01-01' });
    expect(!parsed.ok && parsed.rejected.problems).toEqual([{ column: 'tanggallahir', reason: 'Tanggal lahir tidak boleh di masa depan' }]);
  });
});

describe('readDate', () => {
  it('reads Excel dates, Excel day numbers and the three written forms', () => {
    expect(readDate(new Date(Date.UTC(1990, 2, 12)))).toBe('1990-03-12');
    expect(readDate(32944)).toBe('1990-03-12');
    expect(readDate('1990-03-12')).toBe('1990-03-12');
    expect(readDate('1990-03-12 00:00:00')).toBe('1990-03-12');
    expect(readDate('12-03-1990')).toBe('1990-03-12');
    expect(readDate('12/03/1990')).toBe('1990-03-12');
    expect(readDate('2/3/1990')).toBe('1990-03-02');
    expect(readDate('0000-00-00')).toBeNull();
    expect(readDate(null)).toBeNull();
    expect(readDate('29/02/1991')).toBe('invalid');
    expect(readDate('kemarin')).toBe('invalid');
  });
});

describe('cleanText', () => {
  it('removes what civil-registry exports put around values', () => {
    expect(cleanText('\u200B3212165203900001\u200B')).toBe('3212165203900001');
    expect(cleanText("'3212165203900001")).toBe('3212165203900001');
    expect(cleanText('’3212165203900001')).toBe('3212165203900001');
    expect(cleanText('="0321216200400012"')).toBe('0321216200400012');
    expect(cleanText('\uFEFFSiti\u00A0\u00A0Aminah ')).toBe('Siti Aminah');
    expect(cleanText("Ma'ruf")).toBe("Ma'ruf");
    expect(cleanText(' - ')).toBeNull();
    expect(cleanText('\u00A0')).toBeNull();
  });

  it('matches headers whatever their case and punctuation', () => {
    expect(headerKey(' No KK ')).toBe(headerKey('no_kk'));
    expect(headerKey('NIK\u200B')).toBe('nik');
  });
});

describe('detectFileFormat', () => {
  it('tells files by their first bytes, not their name', () => {
    expect(detectFileFormat(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(detectFileFormat(Buffer.from('nama;nik\n'))).toBe('csv');
    expect(() => detectFileFormat(Buffer.from('%PDF-1.7'))).toThrow('Berkas ini PDF');
    expect(() => detectFileFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toThrow('Berkas Excel lama (.xls)');
    expect(() => detectFileFormat(Buffer.from([0x00, 0x01, 0x02]))).toThrow('Jenis berkas tidak dikenali');
  });
});
