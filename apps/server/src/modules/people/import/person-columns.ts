import type { MigrantStatus, PeopleImportColumn } from '@desmigratif/contracts';

/**
 * The `people` columns an import writes, with their PostgreSQL types (for unnest()
 * arrays) and the OpenSID column each comes from. `name_key` is derived from `nama`.
 */
export const personColumns = [
  { name: 'nik', type: 'text', from: 'nik' },
  { name: 'name', type: 'text', from: 'nama' },
  { name: 'name_key', type: 'text', from: 'nama' },
  { name: 'sex', type: 'smallint', from: 'sex' },
  { name: 'birth_place', type: 'text', from: 'tempatlahir' },
  { name: 'birth_date', type: 'date', from: 'tanggallahir' },
  { name: 'religion', type: 'smallint', from: 'agama_id' },
  { name: 'education_kk', type: 'smallint', from: 'pendidikan_kk_id' },
  { name: 'education_current', type: 'smallint', from: 'pendidikan_sedang_id' },
  { name: 'occupation', type: 'smallint', from: 'pekerjaan_id' },
  { name: 'marital_status', type: 'smallint', from: 'status_kawin' },
  { name: 'family_relationship', type: 'smallint', from: 'kk_level' },
  { name: 'citizenship', type: 'smallint', from: 'warganegara_id' },
  { name: 'father_nik', type: 'text', from: 'ayah_nik' },
  { name: 'father_name', type: 'text', from: 'nama_ayah' },
  { name: 'mother_nik', type: 'text', from: 'ibu_nik' },
  { name: 'mother_name', type: 'text', from: 'nama_ibu' },
  { name: 'blood_type', type: 'smallint', from: 'golongan_darah_id' },
  { name: 'birth_certificate', type: 'text', from: 'akta_lahir' },
  { name: 'passport_number', type: 'text', from: 'dokumen_pasport' },
  { name: 'passport_expiry', type: 'date', from: 'tanggal_akhir_paspor' },
  { name: 'kitas_number', type: 'text', from: 'dokumen_kitas' },
  { name: 'marriage_certificate', type: 'text', from: 'akta_perkawinan' },
  { name: 'marriage_date', type: 'date', from: 'tanggalperkawinan' },
  { name: 'divorce_certificate', type: 'text', from: 'akta_perceraian' },
  { name: 'divorce_date', type: 'date', from: 'tanggalperceraian' },
  { name: 'disability', type: 'smallint', from: 'cacat_id' },
  { name: 'contraception', type: 'smallint', from: 'cara_kb_id' },
  { name: 'pregnant', type: 'smallint', from: 'hamil' },
  { name: 'ktp_el', type: 'smallint', from: 'ktp_el' },
  { name: 'record_status', type: 'smallint', from: 'status_rekam' },
  { name: 'current_address', type: 'text', from: 'alamat_sekarang' },
  { name: 'status_dasar', type: 'smallint', from: 'status_dasar' },
  { name: 'ethnicity', type: 'text', from: 'suku' },
  { name: 'tag_id_card', type: 'text', from: 'tag_id_card' },
  { name: 'insurance_type', type: 'smallint', from: 'id_asuransi' },
  { name: 'insurance_number', type: 'text', from: 'no_asuransi' },
  { name: 'lat', type: 'numeric', from: 'lat' },
  { name: 'lng', type: 'numeric', from: 'lng' },
  { name: 'address', type: 'text', from: 'alamat' },
  { name: 'dusun', type: 'text', from: 'dusun' },
  { name: 'rw', type: 'text', from: 'rw' },
  { name: 'rt', type: 'text', from: 'rt' },
] as const satisfies ReadonlyArray<{ name: string; type: 'text' | 'smallint' | 'date' | 'numeric'; from: PeopleImportColumn }>;

export type PersonColumn = (typeof personColumns)[number]['name'];

/**
 * A person as the import writes it: text and dates as strings (YYYY-MM-DD), codes as
 * numbers, coordinates as strings with 7 decimals (numeric(10,7), as PostgreSQL returns
 * them, so that an unchanged row compares equal).
 */
type Column = (typeof personColumns)[number];
type Required = { nik: string; name: string; name_key: string; sex: number; citizenship: number; status_dasar: number };
export type PersonValues = {
  [C in Column as C['name']]: C['name'] extends keyof Required ? Required[C['name']] : C['type'] extends 'smallint' ? number | null : string | null;
};

/** One valid row, ready to be written. */
export type ImportRow = {
  rowNumber: number;
  person: PersonValues;
  noKk: string;
  /** The KK's issue date read from its number (null for a temporary one): from when a new family's card is valid. */
  noKkIssueDate: string | null;
  /** null when the sheet has no pekerja_migran column. */
  migrantStatus: MigrantStatus | null;
  /** The cells as read, should the row be sent back after all (see RejectedRow). */
  raw: Partial<Record<PeopleImportColumn, string | null>>;
};
