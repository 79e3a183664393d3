import { describe, expect, it } from 'vitest';
import {
  type CodeList,
  agamaList,
  agamaSchema,
  codeLabel,
  golonganDarahList,
  golonganDarahSchema,
  jenisKelaminList,
  jenisKelaminSchema,
  parseCodeOrLabel,
  pekerjaanList,
  pekerjaanSchema,
  pendidikanKkList,
  pendidikanSedangList,
  shdkList,
  statusDasarList,
  statusDasarSchema,
  statusKawinList,
  wargaNegaraList,
} from './code-lists.js';

const lists: Record<string, CodeList> = {
  jenisKelaminList,
  agamaList,
  pendidikanKkList,
  pendidikanSedangList,
  pekerjaanList,
  statusKawinList,
  shdkList,
  golonganDarahList,
  wargaNegaraList,
  statusDasarList,
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('OpenSID code lists', () => {
  it('use OpenSID\'s codes', () => {
    const codes = (list: CodeList) => list.map((entry) => entry.code);
    expect(codes(jenisKelaminList)).toEqual([1, 2]);
    expect(codes(agamaList)).toEqual(range(1, 7));
    expect(codes(pendidikanKkList)).toEqual(range(1, 10));
    expect(codes(pendidikanSedangList)).toEqual(range(1, 18));
    expect(codes(pekerjaanList)).toEqual(range(1, 89));
    expect(codes(statusKawinList)).toEqual(range(1, 4));
    expect(codes(shdkList)).toEqual(range(1, 11));
    expect(codes(golonganDarahList)).toEqual(range(1, 13));
    expect(codes(wargaNegaraList)).toEqual(range(1, 3));
    expect(codes(statusDasarList)).toEqual([1, 2, 3, 4, 6, 9]);
  });

  it('use OpenSID\'s labels', () => {
    expect(codeLabel(jenisKelaminList, 2)).toBe('PEREMPUAN');
    expect(codeLabel(agamaList, 7)).toBe('KEPERCAYAAN TERHADAP TUHAN YME / LAINNYA');
    expect(codeLabel(pendidikanKkList, 1)).toBe('TIDAK / BELUM SEKOLAH');
    expect(codeLabel(pendidikanKkList, 10)).toBe('STRATA III');
    expect(codeLabel(pendidikanSedangList, 17)).toBe('TIDAK DAPAT MEMBACA DAN MENULIS HURUF LATIN/ARAB');
    expect(codeLabel(pekerjaanList, 2)).toBe('MENGURUS RUMAH TANGGA');
    expect(codeLabel(pekerjaanList, 23)).toBe('PEMBANTU RUMAH TANGGA');
    expect(codeLabel(pekerjaanList, 88)).toBe('WIRASWASTA');
    expect(codeLabel(pekerjaanList, 89)).toBe('LAINNYA');
    expect(codeLabel(statusKawinList, 4)).toBe('CERAI MATI');
    expect(codeLabel(shdkList, 7)).toBe('ORANGTUA');
    expect(codeLabel(golonganDarahList, 13)).toBe('TIDAK TAHU');
    expect(codeLabel(wargaNegaraList, 3)).toBe('DUA KEWARGANEGARAAN');
    expect(codeLabel(statusDasarList, 9)).toBe('TIDAK VALID');
  });

  it('has no label for a code outside the list', () => {
    expect(codeLabel(statusDasarList, 5)).toBeNull();
    expect(codeLabel(agamaList, null)).toBeNull();
    expect(codeLabel(agamaList, undefined)).toBeNull();
  });
});

describe('parseCodeOrLabel (spreadsheet cells)', () => {
  it('reads codes written as numbers or text', () => {
    expect(parseCodeOrLabel(agamaList, 1)).toBe(1);
    expect(parseCodeOrLabel(agamaList, '1')).toBe(1);
    expect(parseCodeOrLabel(agamaList, ' 01 ')).toBe(1);
    expect(parseCodeOrLabel(statusDasarList, '9')).toBe(9);
  });

  it('reads labels in any case and spacing', () => {
    expect(parseCodeOrLabel(agamaList, ' islam ')).toBe(1);
    expect(parseCodeOrLabel(agamaList, 'Islam')).toBe(1);
    expect(parseCodeOrLabel(agamaList, 'Kepercayaan Terhadap Tuhan YME / Lainnya')).toBe(7);
    expect(parseCodeOrLabel(pendidikanKkList, 'Tamat SD/Sederajat')).toBe(3);
    expect(parseCodeOrLabel(pendidikanKkList, 'AKADEMI/ DIPLOMA III / S. MUDA')).toBe(7);
    expect(parseCodeOrLabel(pendidikanSedangList, 'SEDANG  D-1/SEDERAJAT')).toBe(8);
    expect(parseCodeOrLabel(shdkList, 'Orang Tua')).toBe(7);
    expect(parseCodeOrLabel(golonganDarahList, 'TIDAK_TAHU')).toBe(13);
    expect(parseCodeOrLabel(golonganDarahList, 'ab-')).toBe(10);
    expect(parseCodeOrLabel(golonganDarahList, 'AB')).toBe(3);
    expect(parseCodeOrLabel(statusDasarList, 'Hidup')).toBe(1);
    expect(parseCodeOrLabel(pekerjaanList, 'petani/pekebun')).toBe(9);
  });

  it('reads the other spellings spreadsheets use', () => {
    expect(parseCodeOrLabel(jenisKelaminList, 'L')).toBe(1);
    expect(parseCodeOrLabel(jenisKelaminList, 'p')).toBe(2);
    expect(parseCodeOrLabel(jenisKelaminList, 'Laki-laki')).toBe(1);
    expect(parseCodeOrLabel(agamaList, 'Katolik')).toBe(3);
    expect(parseCodeOrLabel(agamaList, 'Buddha')).toBe(5);
    expect(parseCodeOrLabel(agamaList, 'Kong Hu Cu')).toBe(6);
    expect(parseCodeOrLabel(pekerjaanList, 'Aparatur Sipil Negara (ASN)')).toBe(5);
    expect(parseCodeOrLabel(pekerjaanList, 'PEGAWAI NEGERI SIPIL (PNS)')).toBe(5);
  });

  it('returns null for anything else, never a nearest guess', () => {
    expect(parseCodeOrLabel(agamaList, 8)).toBeNull();
    expect(parseCodeOrLabel(agamaList, '8')).toBeNull();
    expect(parseCodeOrLabel(agamaList, 1.5)).toBeNull();
    expect(parseCodeOrLabel(agamaList, 'Islamm')).toBeNull();
    expect(parseCodeOrLabel(agamaList, '')).toBeNull();
    expect(parseCodeOrLabel(agamaList, '   ')).toBeNull();
    expect(parseCodeOrLabel(agamaList, null)).toBeNull();
    expect(parseCodeOrLabel(agamaList, undefined)).toBeNull();
    expect(parseCodeOrLabel(agamaList, true)).toBeNull();
    expect(parseCodeOrLabel(statusDasarList, 5)).toBeNull();
  });

  it('reads every label and alias back to its own code (no two entries look alike)', () => {
    for (const [name, list] of Object.entries(lists)) {
      for (const entry of list) {
        for (const label of [entry.label, ...(entry.aliases ?? [])]) {
          expect(parseCodeOrLabel(list, label), `${name}: ${label}`).toBe(entry.code);
          expect(label, `${name}: ${label}`).not.toMatch(/^\d+$/);
        }
      }
    }
  });
});

describe('code schemas', () => {
  it('accept the codes of their list only, with an Indonesian message', () => {
    expect(agamaSchema.parse(7)).toBe(7);
    expect(agamaSchema.safeParse(8).error?.issues[0]?.message).toBe('Kode agama harus 1–7');
    expect(agamaSchema.safeParse('1').success).toBe(false);
    expect(jenisKelaminSchema.safeParse(0).error?.issues[0]?.message).toBe('Kode jenis kelamin harus 1–2');
    expect(pekerjaanSchema.safeParse(90).error?.issues[0]?.message).toBe('Kode pekerjaan harus 1–89');
    expect(golonganDarahSchema.safeParse(14).error?.issues[0]?.message).toBe('Kode golongan darah harus 1–13');
    expect(statusDasarSchema.parse(6)).toBe(6);
    expect(statusDasarSchema.safeParse(5).error?.issues[0]?.message).toBe(
      'Kode status dasar harus 1, 2, 3, 4, 6 atau 9',
    );
  });
});
