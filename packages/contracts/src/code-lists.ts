import { z } from 'zod';

/**
 * The civil-registry (Dukcapil) code lists as OpenSID numbers and names them, so that
 * data moves between OpenSID and Desmigratif by code. Codes and labels follow OpenSID's
 * reference tables (tweb_penduduk_sex, _agama, _pendidikan_kk, _pendidikan, _pekerjaan,
 * _kawin, _hubungan, tweb_golongan_darah, tweb_penduduk_warganegara, tweb_status_dasar)
 * and its app/Enums classes. OpenSID writes a few labels in mixed case (Laki-laki,
 * Hidup); they are upper-cased here like the rest. Its spacing around "/" varies
 * between versions and is kept as in the tables; matching ignores it.
 *
 * `aliases` are other spellings a spreadsheet cell may hold for the same code.
 */

export type CodeListEntry = {
  readonly code: number;
  readonly label: string;
  readonly aliases?: readonly string[];
};
export type CodeList = readonly CodeListEntry[];

export const jenisKelaminList = [
  { code: 1, label: 'LAKI-LAKI', aliases: ['L'] },
  { code: 2, label: 'PEREMPUAN', aliases: ['P'] },
] as const satisfies CodeList;

export const agamaList = [
  { code: 1, label: 'ISLAM' },
  { code: 2, label: 'KRISTEN' },
  { code: 3, label: 'KATHOLIK', aliases: ['KATOLIK'] },
  { code: 4, label: 'HINDU' },
  { code: 5, label: 'BUDHA', aliases: ['BUDDHA'] },
  { code: 6, label: 'KHONGHUCU', aliases: ['KONGHUCU'] },
  { code: 7, label: 'KEPERCAYAAN TERHADAP TUHAN YME / LAINNYA' },
] as const satisfies CodeList;

/** Highest education completed, as printed on the KK. */
export const pendidikanKkList = [
  { code: 1, label: 'TIDAK / BELUM SEKOLAH' },
  { code: 2, label: 'BELUM TAMAT SD/SEDERAJAT' },
  { code: 3, label: 'TAMAT SD / SEDERAJAT' },
  { code: 4, label: 'SLTP/SEDERAJAT' },
  { code: 5, label: 'SLTA / SEDERAJAT' },
  { code: 6, label: 'DIPLOMA I / II' },
  { code: 7, label: 'AKADEMI/ DIPLOMA III/S. MUDA' },
  { code: 8, label: 'DIPLOMA IV/ STRATA I' },
  { code: 9, label: 'STRATA II' },
  { code: 10, label: 'STRATA III' },
] as const satisfies CodeList;

/** Education being followed now. */
export const pendidikanSedangList = [
  { code: 1, label: 'BELUM MASUK TK/KELOMPOK BERMAIN' },
  { code: 2, label: 'SEDANG TK/KELOMPOK BERMAIN' },
  { code: 3, label: 'TIDAK PERNAH SEKOLAH' },
  { code: 4, label: 'SEDANG SD/SEDERAJAT' },
  { code: 5, label: 'TIDAK TAMAT SD/SEDERAJAT' },
  { code: 6, label: 'SEDANG SLTP/SEDERAJAT' },
  { code: 7, label: 'SEDANG SLTA/SEDERAJAT' },
  // OpenSID's table has a double space in labels 8 and 11 ("SEDANG  D-1"), a typo.
  { code: 8, label: 'SEDANG D-1/SEDERAJAT' },
  { code: 9, label: 'SEDANG D-2/SEDERAJAT' },
  { code: 10, label: 'SEDANG D-3/SEDERAJAT' },
  { code: 11, label: 'SEDANG S-1/SEDERAJAT' },
  { code: 12, label: 'SEDANG S-2/SEDERAJAT' },
  { code: 13, label: 'SEDANG S-3/SEDERAJAT' },
  { code: 14, label: 'SEDANG SLB A/SEDERAJAT' },
  { code: 15, label: 'SEDANG SLB B/SEDERAJAT' },
  { code: 16, label: 'SEDANG SLB C/SEDERAJAT' },
  { code: 17, label: 'TIDAK DAPAT MEMBACA DAN MENULIS HURUF LATIN/ARAB' },
  { code: 18, label: 'TIDAK SEDANG SEKOLAH' },
] as const satisfies CodeList;

export const pekerjaanList = [
  { code: 1, label: 'BELUM/TIDAK BEKERJA' },
  { code: 2, label: 'MENGURUS RUMAH TANGGA' },
  { code: 3, label: 'PELAJAR/MAHASISWA' },
  { code: 4, label: 'PENSIUNAN' },
  // The newest OpenSID renamed code 5 to APARATUR SIPIL NEGARA (ASN); KTPs, KKs and
  // most running OpenSID installations still say PNS. Both are read.
  { code: 5, label: 'PEGAWAI NEGERI SIPIL (PNS)', aliases: ['APARATUR SIPIL NEGARA (ASN)'] },
  { code: 6, label: 'TENTARA NASIONAL INDONESIA (TNI)' },
  { code: 7, label: 'KEPOLISIAN RI (POLRI)' },
  { code: 8, label: 'PERDAGANGAN' },
  { code: 9, label: 'PETANI/PEKEBUN' },
  { code: 10, label: 'PETERNAK' },
  { code: 11, label: 'NELAYAN/PERIKANAN' },
  { code: 12, label: 'INDUSTRI' },
  { code: 13, label: 'KONSTRUKSI' },
  { code: 14, label: 'TRANSPORTASI' },
  { code: 15, label: 'KARYAWAN SWASTA' },
  { code: 16, label: 'KARYAWAN BUMN' },
  { code: 17, label: 'KARYAWAN BUMD' },
  { code: 18, label: 'KARYAWAN HONORER' },
  { code: 19, label: 'BURUH HARIAN LEPAS' },
  { code: 20, label: 'BURUH TANI/PERKEBUNAN' },
  { code: 21, label: 'BURUH NELAYAN/PERIKANAN' },
  { code: 22, label: 'BURUH PETERNAKAN' },
  { code: 23, label: 'PEMBANTU RUMAH TANGGA' },
  { code: 24, label: 'TUKANG CUKUR' },
  { code: 25, label: 'TUKANG LISTRIK' },
  { code: 26, label: 'TUKANG BATU' },
  { code: 27, label: 'TUKANG KAYU' },
  { code: 28, label: 'TUKANG SOL SEPATU' },
  { code: 29, label: 'TUKANG LAS/PANDAI BESI' },
  { code: 30, label: 'TUKANG JAHIT' },
  { code: 31, label: 'TUKANG GIGI' },
  { code: 32, label: 'PENATA RIAS' },
  { code: 33, label: 'PENATA BUSANA' },
  { code: 34, label: 'PENATA RAMBUT' },
  { code: 35, label: 'MEKANIK' },
  { code: 36, label: 'SENIMAN' },
  { code: 37, label: 'TABIB' },
  { code: 38, label: 'PARAJI' },
  { code: 39, label: 'PERANCANG BUSANA' },
  { code: 40, label: 'PENTERJEMAH' },
  { code: 41, label: 'IMAM MASJID' },
  { code: 42, label: 'PENDETA' },
  { code: 43, label: 'PASTOR' },
  { code: 44, label: 'WARTAWAN' },
  { code: 45, label: 'USTADZ/MUBALIGH' },
  { code: 46, label: 'JURU MASAK' },
  { code: 47, label: 'PROMOTOR ACARA' },
  { code: 48, label: 'ANGGOTA DPR-RI' },
  { code: 49, label: 'ANGGOTA DPD' },
  { code: 50, label: 'ANGGOTA BPK' },
  { code: 51, label: 'PRESIDEN' },
  { code: 52, label: 'WAKIL PRESIDEN' },
  { code: 53, label: 'ANGGOTA MAHKAMAH KONSTITUSI' },
  { code: 54, label: 'ANGGOTA KABINET KEMENTERIAN' },
  { code: 55, label: 'DUTA BESAR' },
  { code: 56, label: 'GUBERNUR' },
  { code: 57, label: 'WAKIL GUBERNUR' },
  { code: 58, label: 'BUPATI' },
  { code: 59, label: 'WAKIL BUPATI' },
  { code: 60, label: 'WALIKOTA' },
  { code: 61, label: 'WAKIL WALIKOTA' },
  { code: 62, label: 'ANGGOTA DPRD PROVINSI' },
  { code: 63, label: 'ANGGOTA DPRD KABUPATEN/KOTA' },
  { code: 64, label: 'DOSEN' },
  { code: 65, label: 'GURU' },
  { code: 66, label: 'PILOT' },
  { code: 67, label: 'PENGACARA' },
  { code: 68, label: 'NOTARIS' },
  { code: 69, label: 'ARSITEK' },
  { code: 70, label: 'AKUNTAN' },
  { code: 71, label: 'KONSULTAN' },
  { code: 72, label: 'DOKTER' },
  { code: 73, label: 'BIDAN' },
  { code: 74, label: 'PERAWAT' },
  { code: 75, label: 'APOTEKER' },
  { code: 76, label: 'PSIKIATER/PSIKOLOG' },
  { code: 77, label: 'PENYIAR TELEVISI' },
  { code: 78, label: 'PENYIAR RADIO' },
  { code: 79, label: 'PELAUT' },
  { code: 80, label: 'PENELITI' },
  { code: 81, label: 'SOPIR' },
  { code: 82, label: 'PIALANG' },
  { code: 83, label: 'PARANORMAL' },
  { code: 84, label: 'PEDAGANG' },
  { code: 85, label: 'PERANGKAT DESA' },
  { code: 86, label: 'KEPALA DESA' },
  { code: 87, label: 'BIARAWATI' },
  { code: 88, label: 'WIRASWASTA' },
  { code: 89, label: 'LAINNYA' },
] as const satisfies CodeList;

export const statusKawinList = [
  { code: 1, label: 'BELUM KAWIN' },
  { code: 2, label: 'KAWIN' },
  { code: 3, label: 'CERAI HIDUP' },
  { code: 4, label: 'CERAI MATI' },
] as const satisfies CodeList;

/** Status hubungan dalam keluarga (SHDK): the person's place in the KK. */
export const shdkList = [
  { code: 1, label: 'KEPALA KELUARGA' },
  { code: 2, label: 'SUAMI' },
  { code: 3, label: 'ISTRI' },
  { code: 4, label: 'ANAK' },
  { code: 5, label: 'MENANTU' },
  { code: 6, label: 'CUCU' },
  { code: 7, label: 'ORANGTUA' },
  { code: 8, label: 'MERTUA' },
  { code: 9, label: 'FAMILI LAIN' },
  { code: 10, label: 'PEMBANTU' },
  { code: 11, label: 'LAINNYA' },
] as const satisfies CodeList;

export const golonganDarahList = [
  { code: 1, label: 'A' },
  { code: 2, label: 'B' },
  { code: 3, label: 'AB' },
  { code: 4, label: 'O' },
  { code: 5, label: 'A+' },
  { code: 6, label: 'A-' },
  { code: 7, label: 'B+' },
  { code: 8, label: 'B-' },
  { code: 9, label: 'AB+' },
  { code: 10, label: 'AB-' },
  { code: 11, label: 'O+' },
  { code: 12, label: 'O-' },
  { code: 13, label: 'TIDAK TAHU' },
] as const satisfies CodeList;

export const wargaNegaraList = [
  { code: 1, label: 'WNI' },
  { code: 2, label: 'WNA' },
  { code: 3, label: 'DUA KEWARGANEGARAAN' },
] as const satisfies CodeList;

/**
 * OpenSID's status dasar: whether the resident is still counted. The gaps (5, 7, 8)
 * are OpenSID's own; the codes are kept so that records move between the systems.
 */
export const statusDasarList = [
  { code: 1, label: 'HIDUP' },
  { code: 2, label: 'MATI' },
  { code: 3, label: 'PINDAH' },
  { code: 4, label: 'HILANG' },
  { code: 6, label: 'PERGI' },
  { code: 9, label: 'TIDAK VALID' },
] as const satisfies CodeList;

/** The label of `code`, or null when the list has no such code. */
export function codeLabel(list: CodeList, code: number | null | undefined): string | null {
  return list.find((entry) => entry.code === code)?.label ?? null;
}

/** Upper case without spaces or underscores: "Tidak / Belum sekolah" = "TIDAK/BELUM SEKOLAH". */
function labelKey(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[\s_]+/g, '');
}

/**
 * The code a spreadsheet cell means, or null. A cell may hold the code (1, '1', ' 01 ')
 * or the label in any case and spacing (' islam ', 'Islam', 'Tamat SD/Sederajat'), or an
 * alias (KATOLIK). A number that is not in the list is null, not the nearest code.
 */
export function parseCodeOrLabel(list: CodeList, cell: unknown): number | null {
  if (typeof cell === 'number') return list.some((entry) => entry.code === cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (/^\d+$/.test(text)) return parseCodeOrLabel(list, Number(text));
  const key = labelKey(text);
  if (key === '') return null;
  const match = list.find((entry) => [entry.label, ...(entry.aliases ?? [])].some((label) => labelKey(label) === key));
  return match?.code ?? null;
}

/** "1–7" for a run of codes, else "1, 2, 3, 4, 6 atau 9". */
function describeCodes(codes: number[]): string {
  const first = codes[0];
  const last = codes[codes.length - 1];
  if (first !== undefined && last !== undefined && last - first === codes.length - 1) return `${first}–${last}`;
  return `${codes.slice(0, -1).join(', ')} atau ${last}`;
}

function codeSchema(list: CodeList, subject: string) {
  const codes = list.map((entry) => entry.code);
  return z.literal(codes, { message: `Kode ${subject} harus ${describeCodes(codes)}` });
}

export const jenisKelaminSchema = codeSchema(jenisKelaminList, 'jenis kelamin');
export const agamaSchema = codeSchema(agamaList, 'agama');
export const pendidikanKkSchema = codeSchema(pendidikanKkList, 'pendidikan dalam KK');
export const pendidikanSedangSchema = codeSchema(pendidikanSedangList, 'pendidikan sedang ditempuh');
export const pekerjaanSchema = codeSchema(pekerjaanList, 'pekerjaan');
export const statusKawinSchema = codeSchema(statusKawinList, 'status perkawinan');
export const shdkSchema = codeSchema(shdkList, 'hubungan dalam keluarga');
export const golonganDarahSchema = codeSchema(golonganDarahList, 'golongan darah');
export const wargaNegaraSchema = codeSchema(wargaNegaraList, 'kewarganegaraan');
export const statusDasarSchema = codeSchema(statusDasarList, 'status dasar');
