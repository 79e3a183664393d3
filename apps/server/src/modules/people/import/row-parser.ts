import {
  agamaList,
  type CodeList,
  type ImportRejectProblem,
  type MigrantStatus,
  type PeopleImportColumn,
  agamaSchema,
  golonganDarahList,
  golonganDarahSchema,
  jenisKelaminList,
  jenisKelaminSchema,
  migrantStatusLabels,
  migrantStatuses,
  pekerjaanList,
  pekerjaanSchema,
  pendidikanKkList,
  pendidikanKkSchema,
  pendidikanSedangList,
  pendidikanSedangSchema,
  parseCodeOrLabel,
  shdkList,
  shdkSchema,
  statusDasarList,
  statusDasarSchema,
  statusKawinList,
  statusKawinSchema,
  wargaNegaraList,
  wargaNegaraSchema,
} from '@desmigratif/contracts';
import { cleanIdentityNumber, normalizePersonName, parseNik, parseNoKk } from '@desmigratif/domain';
import type { z } from 'zod';
import { type Cell, cellText, isoDateOf } from './cells.js';
import type { ImportRow, PersonValues } from './person-columns.js';
import type { SheetLayout, SheetRow } from './sheet-reader.js';

/**
 * Turns one sheet row into a person to write, or into the list of problems an officer
 * must fix: each with the column's header and an Indonesian reason. Pure: no I/O.
 * Identity-number warnings (a NIK whose date disagrees with the birth date) never reject
 * a row — the NIK stays as issued; only errors do.
 */

export type RowProblem = ImportRejectProblem;

export type RejectedRow = {
  rowNumber: number;
  /** The row's cells as read, by header, to write back into the rejected-rows workbook. */
  raw: Partial<Record<PeopleImportColumn, string | null>>;
  problems: RowProblem[];
};

export type ParsedRow = { ok: true; row: ImportRow } | { ok: false; rejected: RejectedRow };

type Problems = RowProblem[];

function schemaMessage(schema: z.ZodType): string {
  const result = schema.safeParse(-1);
  return result.success ? 'Kode tidak dikenal' : (result.error.issues[0]?.message ?? 'Kode tidak dikenal');
}

/** "Kode agama harus 1–7" → '"Kristiani" tidak dikenal: kode agama harus 1–7 atau namanya'. */
function codeReader(list: CodeList, schema: z.ZodType) {
  const message = schemaMessage(schema);
  const rule = message.charAt(0).toLowerCase() + message.slice(1);
  return (cell: Cell, column: PeopleImportColumn, problems: Problems): number | null => {
    if (cell === null) return null;
    const code = parseCodeOrLabel(list, cell);
    if (code === null) problems.push({ column, reason: `"${cellText(cell)}" tidak dikenal: ${rule} atau namanya` });
    return code;
  };
}

const codeLists = {
  sex: codeReader(jenisKelaminList, jenisKelaminSchema),
  agama_id: codeReader(agamaList, agamaSchema),
  pendidikan_kk_id: codeReader(pendidikanKkList, pendidikanKkSchema),
  pendidikan_sedang_id: codeReader(pendidikanSedangList, pendidikanSedangSchema),
  pekerjaan_id: codeReader(pekerjaanList, pekerjaanSchema),
  status_kawin: codeReader(statusKawinList, statusKawinSchema),
  kk_level: codeReader(shdkList, shdkSchema),
  warganegara_id: codeReader(wargaNegaraList, wargaNegaraSchema),
  golongan_darah_id: codeReader(golonganDarahList, golonganDarahSchema),
  status_dasar: codeReader(statusDasarList, statusDasarSchema),
} as const;

/** OpenSID columns whose code lists Desmigratif does not keep: the number is stored as given. */
const plainCodeSubjects = {
  cacat_id: 'cacat',
  cara_kb_id: 'cara KB',
  hamil: 'hamil',
  ktp_el: 'KTP-el',
  status_rekam: 'status rekam KTP-el',
  id_asuransi: 'asuransi',
} as const satisfies Partial<Record<PeopleImportColumn, string>>;

function readPlainCode(cell: Cell, column: keyof typeof plainCodeSubjects, problems: Problems): number | null {
  if (cell === null) return null;
  const text = cellText(cell)!;
  if (/^\d{1,3}$/.test(text)) return Number(text);
  problems.push({ column, reason: `Kode ${plainCodeSubjects[column]} harus berupa angka, bukan "${text}"` });
  return null;
}

const textLimits = {
  alamat: { label: 'Alamat', max: 300 },
  dusun: { label: 'Dusun', max: 100 },
  rw: { label: 'RW', max: 10 },
  rt: { label: 'RT', max: 10 },
  tempatlahir: { label: 'Tempat lahir', max: 100 },
  nama_ayah: { label: 'Nama ayah', max: 150 },
  nama_ibu: { label: 'Nama ibu', max: 150 },
  akta_lahir: { label: 'Nomor akta lahir', max: 100 },
  dokumen_pasport: { label: 'Nomor paspor', max: 30 },
  dokumen_kitas: { label: 'Nomor KITAS', max: 50 },
  akta_perkawinan: { label: 'Nomor akta perkawinan', max: 100 },
  akta_perceraian: { label: 'Nomor akta perceraian', max: 100 },
  alamat_sekarang: { label: 'Alamat sekarang', max: 300 },
  suku: { label: 'Suku', max: 100 },
  tag_id_card: { label: 'Tag ID card', max: 100 },
  no_asuransi: { label: 'Nomor asuransi', max: 100 },
} as const satisfies Partial<Record<PeopleImportColumn, { label: string; max: number }>>;

function readText(cell: Cell, column: keyof typeof textLimits, problems: Problems): string | null {
  const text = cellText(cell);
  if (text === null) return null;
  const { label, max } = textLimits[column];
  if (text.length > max) problems.push({ column, reason: `${label} terlalu panjang (maks. ${max} karakter)` });
  return text;
}

const dateLabels = {
  tanggallahir: 'Tanggal lahir',
  tanggal_akhir_paspor: 'Tanggal akhir paspor',
  tanggalperkawinan: 'Tanggal perkawinan',
  tanggalperceraian: 'Tanggal perceraian',
} as const satisfies Partial<Record<PeopleImportColumn, string>>;

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDateOf(date);
}

/** YYYY-MM-DD from an Excel date, an Excel day number, YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY. */
export function readDate(cell: Cell): string | null | 'invalid' {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDateOf(cell);
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 2_958_465) return 'invalid';
    return isoDateOf(new Date(EXCEL_EPOCH + Math.floor(cell) * DAY_MS));
  }
  const text = String(cell).trim();
  // OpenSID writes MySQL's "no date" for empty dates.
  if (/^0000-00-00/.test(text)) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+Z?)?$/.exec(text);
  if (match) return realDate(Number(match[1]), Number(match[2]), Number(match[3])) ?? 'invalid';
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return realDate(Number(match[3]), Number(match[2]), Number(match[1])) ?? 'invalid';
  if (/^\d+(\.\d+)?$/.test(text)) return readDate(Number(text));
  return 'invalid';
}

function readDateColumn(cell: Cell, column: keyof typeof dateLabels, problems: Problems, today: string): string | null {
  const date = readDate(cell);
  const label = dateLabels[column];
  if (date === 'invalid') {
    problems.push({ column, reason: `${label} tidak valid: "${cellText(cell)}" (gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)` });
    return null;
  }
  if (date !== null && column !== 'tanggal_akhir_paspor' && date > today) {
    problems.push({ column, reason: `${label} tidak boleh di masa depan` });
  }
  return date;
}

/**
 * A NIK or No. KK typed into Excel as a number keeps only 15 significant digits, so its
 * last digit turns into 0. Importing it would record a wrong number that no later
 * correction can match, so the row is sent back to be fixed.
 */
function roundedByExcel(cell: Cell): boolean {
  return typeof cell === 'number' && cell >= 1e15 && String(cell).endsWith('0');
}
const roundedMessage = (what: string) =>
  `${what} tersimpan sebagai angka sehingga Excel mungkin membulatkan digit terakhirnya; ubah format kolom menjadi Teks lalu ketik ulang ${what}`;

function readParentNik(cell: Cell, column: 'ayah_nik' | 'ibu_nik', problems: Problems): string | null {
  const text = cellText(cell);
  if (text === null) return null;
  const digits = cleanIdentityNumber(text);
  // OpenSID fills unknown parents' NIKs with zeros.
  if (/^0+$/.test(digits)) return null;
  const what = column === 'ayah_nik' ? 'NIK ayah' : 'NIK ibu';
  if (roundedByExcel(cell)) problems.push({ column, reason: roundedMessage(what) });
  else if (!/^\d{16}$/.test(digits)) problems.push({ column, reason: `${what} harus 16 digit angka` });
  return digits;
}

function readCoordinate(cell: Cell, column: 'lat' | 'lng', problems: Problems): string | null {
  const text = cellText(cell);
  if (text === null) return null;
  const value = Number(text.replace(',', '.'));
  const limit = column === 'lat' ? 90 : 180;
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    const label = column === 'lat' ? 'Garis lintang (lat)' : 'Garis bujur (lng)';
    problems.push({ column, reason: `${label} harus angka antara -${limit} dan ${limit}` });
    return null;
  }
  return value.toFixed(7);
}

const migrantKey = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
const migrantByKey = new Map<string, MigrantStatus>([
  ...migrantStatuses.map((s) => [migrantKey(s), s] as const),
  ...migrantStatuses.map((s) => [migrantKey(migrantStatusLabels[s]), s] as const),
  ['bukanpmi', 'bukan_pmi'],
  ['pmi', 'pmi'],
]);

function readMigrantStatus(cell: Cell, problems: Problems): MigrantStatus {
  const text = cellText(cell);
  if (text === null) return 'bukan_pmi';
  const status = migrantByKey.get(migrantKey(text));
  if (status) return status;
  problems.push({
    column: 'pekerja_migran',
    reason: `"${text}" tidak dikenal: isi Bukan PMI, Calon PMI, PMI, Purna PMI atau Keluarga PMI (atau kosongkan)`,
  });
  return 'bukan_pmi';
}

function readName(cell: Cell, problems: Problems): { name: string; nameKey: string } {
  const name = cellText(cell) ?? '';
  const nameKey = normalizePersonName(name);
  if (name === '') problems.push({ column: 'nama', reason: 'Nama wajib diisi' });
  else if (name.length > 150) problems.push({ column: 'nama', reason: 'Nama terlalu panjang (maks. 150 karakter)' });
  else if (!/\p{L}/u.test(name) || nameKey === '') problems.push({ column: 'nama', reason: 'Nama harus berisi huruf' });
  else if (name.length < 2) problems.push({ column: 'nama', reason: 'Nama minimal 2 huruf' });
  return { name, nameKey };
}

function readNik(cell: Cell, birthDate: string | null, sex: number | null, today: string, problems: Problems): string {
  const text = cellText(cell);
  if (text === null) {
    problems.push({ column: 'nik', reason: 'NIK wajib diisi' });
    return '';
  }
  if (roundedByExcel(cell)) {
    problems.push({ column: 'nik', reason: roundedMessage('NIK') });
    return text;
  }
  const parsed = parseNik(text, {
    birthDate: birthDate ?? undefined,
    sex: sex === 1 ? 'L' : sex === 2 ? 'P' : undefined,
    today,
  });
  for (const issue of parsed.issues) if (issue.severity === 'error') problems.push({ column: 'nik', reason: issue.message });
  return parsed.normalized ?? text;
}

function readNoKk(cell: Cell, today: string, problems: Problems): { noKk: string; issueDate: string | null } {
  const text = cellText(cell);
  // An empty KK is a resident recorded without a family (our export writes them so): no family.
  if (text === null) return { noKk: '', issueDate: null };
  if (roundedByExcel(cell)) {
    problems.push({ column: 'no_kk', reason: roundedMessage('Nomor KK') });
    return { noKk: text, issueDate: null };
  }
  const parsed = parseNoKk(text, { today });
  for (const issue of parsed.issues) if (issue.severity === 'error') problems.push({ column: 'no_kk', reason: issue.message });
  return { noKk: parsed.normalized ?? text, issueDate: parsed.issueDate };
}

export function rawCells(row: SheetRow, layout: SheetLayout): RejectedRow['raw'] {
  const raw: RejectedRow['raw'] = {};
  for (const [column, index] of layout.columns) raw[column] = cellText(row.cells[index] ?? null);
  return raw;
}

/** Reads one data row; `today` (YYYY-MM-DD, Asia/Jakarta) bounds birth and event dates. */
export function parseRow(row: SheetRow, layout: SheetLayout, today: string): ParsedRow {
  const cell = (column: PeopleImportColumn): Cell => {
    const index = layout.columns.get(column);
    return index === undefined ? null : (row.cells[index] ?? null);
  };
  const problems: Problems = [];

  const { name, nameKey } = readName(cell('nama'), problems);
  const sexCell = cell('sex');
  const sex = codeLists.sex(sexCell, 'sex', problems);
  if (sexCell === null) problems.push({ column: 'sex', reason: 'Jenis kelamin wajib diisi' });
  const birthDate = readDateColumn(cell('tanggallahir'), 'tanggallahir', problems, today);
  const { noKk, issueDate: noKkIssueDate } = readNoKk(cell('no_kk'), today, problems);
  const nik = readNik(cell('nik'), birthDate, sex, today, problems);

  const person: PersonValues = {
    nik,
    name,
    name_key: nameKey,
    sex: sex ?? 0,
    birth_place: readText(cell('tempatlahir'), 'tempatlahir', problems),
    birth_date: birthDate,
    religion: codeLists.agama_id(cell('agama_id'), 'agama_id', problems),
    education_kk: codeLists.pendidikan_kk_id(cell('pendidikan_kk_id'), 'pendidikan_kk_id', problems),
    education_current: codeLists.pendidikan_sedang_id(cell('pendidikan_sedang_id'), 'pendidikan_sedang_id', problems),
    occupation: codeLists.pekerjaan_id(cell('pekerjaan_id'), 'pekerjaan_id', problems),
    marital_status: codeLists.status_kawin(cell('status_kawin'), 'status_kawin', problems),
    family_relationship: codeLists.kk_level(cell('kk_level'), 'kk_level', problems),
    citizenship: codeLists.warganegara_id(cell('warganegara_id'), 'warganegara_id', problems) ?? 1,
    father_nik: readParentNik(cell('ayah_nik'), 'ayah_nik', problems),
    father_name: readText(cell('nama_ayah'), 'nama_ayah', problems),
    mother_nik: readParentNik(cell('ibu_nik'), 'ibu_nik', problems),
    mother_name: readText(cell('nama_ibu'), 'nama_ibu', problems),
    blood_type: codeLists.golongan_darah_id(cell('golongan_darah_id'), 'golongan_darah_id', problems),
    birth_certificate: readText(cell('akta_lahir'), 'akta_lahir', problems),
    passport_number: readText(cell('dokumen_pasport'), 'dokumen_pasport', problems),
    passport_expiry: readDateColumn(cell('tanggal_akhir_paspor'), 'tanggal_akhir_paspor', problems, today),
    kitas_number: readText(cell('dokumen_kitas'), 'dokumen_kitas', problems),
    marriage_certificate: readText(cell('akta_perkawinan'), 'akta_perkawinan', problems),
    marriage_date: readDateColumn(cell('tanggalperkawinan'), 'tanggalperkawinan', problems, today),
    divorce_certificate: readText(cell('akta_perceraian'), 'akta_perceraian', problems),
    divorce_date: readDateColumn(cell('tanggalperceraian'), 'tanggalperceraian', problems, today),
    disability: readPlainCode(cell('cacat_id'), 'cacat_id', problems),
    contraception: readPlainCode(cell('cara_kb_id'), 'cara_kb_id', problems),
    pregnant: readPlainCode(cell('hamil'), 'hamil', problems),
    ktp_el: readPlainCode(cell('ktp_el'), 'ktp_el', problems),
    record_status: readPlainCode(cell('status_rekam'), 'status_rekam', problems),
    current_address: readText(cell('alamat_sekarang'), 'alamat_sekarang', problems),
    status_dasar: codeLists.status_dasar(cell('status_dasar'), 'status_dasar', problems) ?? 1,
    ethnicity: readText(cell('suku'), 'suku', problems),
    tag_id_card: readText(cell('tag_id_card'), 'tag_id_card', problems),
    insurance_type: readPlainCode(cell('id_asuransi'), 'id_asuransi', problems),
    insurance_number: readText(cell('no_asuransi'), 'no_asuransi', problems),
    lat: readCoordinate(cell('lat'), 'lat', problems),
    lng: readCoordinate(cell('lng'), 'lng', problems),
    address: readText(cell('alamat'), 'alamat', problems),
    dusun: readText(cell('dusun'), 'dusun', problems),
    rw: readText(cell('rw'), 'rw', problems),
    rt: readText(cell('rt'), 'rt', problems),
  };
  const migrantStatus = layout.columns.has('pekerja_migran') ? readMigrantStatus(cell('pekerja_migran'), problems) : null;

  if (problems.length > 0) {
    // Left to right, as the officer reads the row.
    const position = (column: string | null) => (column === null ? -1 : (layout.columns.get(column as PeopleImportColumn) ?? Infinity));
    problems.sort((a, b) => position(a.column) - position(b.column));
    return { ok: false, rejected: { rowNumber: row.rowNumber, raw: rawCells(row, layout), problems } };
  }
  return { ok: true, row: { rowNumber: row.rowNumber, person, noKk, noKkIssueDate, migrantStatus, raw: rawCells(row, layout) } };
}
