import { z } from 'zod';

/**
 * Pillar 1, the village migration service centre: its code lists, the migration plan a
 * prospective migrant (calon PMI) makes with the officer, the documents of the plan and
 * the shapes the rules in `@desmigratif/domain` return. Codes are stable machine names;
 * labels are what the officer and the villager read.
 *
 * Legal sources named below were read in these places (see the migration module's README
 * in packages/domain for what remains unconfirmed):
 * - UU 18/2017 Pasal 4, 5: sbmi.or.id (text of the law), Kompas 7 Mar 2022;
 *   Pasal 13 and 15: id.wikisource.org (page 8 of the gazetted PDF).
 * - Kepmenaker 260/2015: Kemlu, KBRI Tripoli notice of 26 Nov 2015; Kemnaker statement in
 *   Grid.id (2023, "19 negara … termasuk Suriah dan Uni Emirat Arab"); Kompas and Kontan,
 *   4–5 May 2015 (the 21-country announcement that preceded the decree).
 * - Peraturan BP2MI 9/2020 Pasal 3: DDHK.org (series quoting the regulation), IDN Times NTB
 *   (2024), Fortune IDN (2021).
 */

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });

/** What the officer gave a visitor at the centre (issue 4, service log). */
export const serviceTypes = [
  'informasi_pasar_kerja',
  'bimbingan_konseling',
  'informasi_migrasi_aman',
  'pengurusan_dokumen',
  'verifikasi_cpmi',
  'pengaduan_kasus',
  'layanan_keluarga_pmi',
  'lainnya',
] as const;
export const serviceTypeSchema = z.enum(serviceTypes, { message: 'Jenis layanan tidak dikenal' });
export type ServiceType = z.infer<typeof serviceTypeSchema>;
export const serviceTypeLabels: Record<ServiceType, string> = {
  informasi_pasar_kerja: 'Informasi pasar kerja',
  bimbingan_konseling: 'Bimbingan/konseling kerja',
  informasi_migrasi_aman: 'Informasi bekerja ke luar negeri / migrasi aman',
  pengurusan_dokumen: 'Pengurusan dokumen awal',
  verifikasi_cpmi: 'Verifikasi data CPMI',
  pengaduan_kasus: 'Pengaduan/kasus',
  layanan_keluarga_pmi: 'Layanan keluarga PMI',
  lainnya: 'Lainnya',
};

/** The three kinds of migrant worker of UU 18/2017 Pasal 4 ayat (1). */
export const sectors = ['formal', 'domestik', 'pelaut'] as const;
export const sectorSchema = z.enum(sectors, { message: 'Sektor pekerjaan tidak dikenal' });
export type Sector = z.infer<typeof sectorSchema>;
export const sectorLabels: Record<Sector, string> = {
  formal: 'Formal (pemberi kerja berbadan hukum)',
  domestik: 'Domestik (pemberi kerja perseorangan/rumah tangga)',
  pelaut: 'Pelaut (awak kapal niaga atau perikanan)',
};

/**
 * Who places the worker. UU 18/2017 names three placement executors — the government
 * agency (BP2MI, since late 2024 the Ministry KP2MI), licensed companies (P3MI) and
 * companies placing their own staff (UKPS) — and lets a worker go on their own to an
 * incorporated employer (perseorangan/mandiri).
 */
export const placementSchemes = ['p_to_p', 'g_to_g', 'g_to_p', 'ukps', 'mandiri'] as const;
export const placementSchemeSchema = z.enum(placementSchemes, { message: 'Skema penempatan tidak dikenal' });
export type PlacementScheme = z.infer<typeof placementSchemeSchema>;
export const placementSchemeLabels: Record<PlacementScheme, string> = {
  p_to_p: 'P to P (melalui P3MI berizin)',
  g_to_g: 'G to G (antarpemerintah, melalui BP2MI/KP2MI)',
  g_to_p: 'G to P (pemerintah ke pemberi kerja swasta)',
  ukps: 'UKPS (perusahaan menempatkan pekerjanya sendiri)',
  mandiri: 'Mandiri/perseorangan (langsung ke pemberi kerja berbadan hukum)',
};

/**
 * The documents of a migration plan, in the order the checklist shows them: identity
 * papers checked against the civil registry, then UU 18/2017 Pasal 13 huruf a–h with
 * social security (Pasal 5 huruf d) before the passport. `ijazah` stands in for the
 * competency certificate where no certification scheme exists; `buku_pelaut` is the
 * seafarer's identity book.
 */
export const documentKinds = [
  'ktp_nik',
  'kk',
  'akta_lahir',
  'surat_status_perkawinan',
  'buku_nikah',
  'izin_keluarga',
  'sertifikat_kompetensi',
  'ijazah',
  'buku_pelaut',
  'pemeriksaan_kesehatan_psikologi',
  'bpjs_ketenagakerjaan',
  'paspor',
  'visa_kerja',
  'perjanjian_penempatan',
  'perjanjian_kerja',
] as const;
export const documentKindSchema = z.enum(documentKinds, { message: 'Jenis dokumen tidak dikenal' });
export type DocumentKind = z.infer<typeof documentKindSchema>;
export const documentKindLabels: Record<DocumentKind, string> = {
  ktp_nik: 'KTP elektronik (NIK terverifikasi)',
  kk: 'Kartu Keluarga (KK)',
  akta_lahir: 'Akta kelahiran',
  surat_status_perkawinan: 'Surat keterangan status perkawinan',
  buku_nikah: 'Fotokopi buku nikah',
  izin_keluarga: 'Surat izin keluarga (diketahui kepala desa)',
  sertifikat_kompetensi: 'Sertifikat kompetensi kerja',
  ijazah: 'Ijazah (pengganti sertifikat kompetensi)',
  buku_pelaut: 'Buku pelaut (seaman book)',
  pemeriksaan_kesehatan_psikologi: 'Surat keterangan sehat (pemeriksaan kesehatan dan psikologi)',
  bpjs_ketenagakerjaan: 'BPJS Ketenagakerjaan (JKK dan JKM)',
  paspor: 'Paspor',
  visa_kerja: 'Visa kerja',
  perjanjian_penempatan: 'Perjanjian penempatan',
  perjanjian_kerja: 'Perjanjian kerja',
};

/** `tidak_berlaku`: the paper exists but is no longer valid (expired, refused, wrong name). */
export const documentStatuses = ['belum', 'diproses', 'lengkap', 'tidak_berlaku'] as const;
export const documentStatusSchema = z.enum(documentStatuses, { message: 'Status dokumen tidak dikenal' });
export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export const documentStatusLabels: Record<DocumentStatus, string> = {
  belum: 'Belum ada',
  diproses: 'Sedang diproses',
  lengkap: 'Lengkap',
  tidak_berlaku: 'Tidak berlaku',
};

export const visaTypes = ['kerja', 'kunjungan', 'turis', 'ziarah_umrah', 'lainnya'] as const;
export const visaTypeSchema = z.enum(visaTypes, { message: 'Jenis visa tidak dikenal' });
export type VisaType = z.infer<typeof visaTypeSchema>;
export const visaTypeLabels: Record<VisaType, string> = {
  kerja: 'Visa kerja',
  kunjungan: 'Visa kunjungan',
  turis: 'Visa turis/wisata',
  ziarah_umrah: 'Visa ziarah/umrah/haji',
  lainnya: 'Lainnya',
};

/** How the recruiter can be reached: an office one can walk into, or only social media and chat. */
export const recruiterContacts = ['kantor', 'media_sosial_saja'] as const;
export const recruiterContactSchema = z.enum(recruiterContacts, { message: 'Cara menghubungi perekrut tidak dikenal' });
export type RecruiterContact = z.infer<typeof recruiterContactSchema>;
export const recruiterContactLabels: Record<RecruiterContact, string> = {
  kantor: 'Punya kantor yang bisa didatangi',
  media_sosial_saja: 'Hanya lewat media sosial/telepon',
};

/** The licensed-agency registry's answer for an agency name or licence number ("cek agensi"). */
export const agencyLicenceStatuses = ['licensed', 'expired', 'unknown'] as const;
export const agencyLicenceStatusSchema = z.enum(agencyLicenceStatuses, { message: 'Status izin agensi tidak dikenal' });
export type AgencyLicenceStatus = z.infer<typeof agencyLicenceStatusSchema>;
export const agencyLicenceStatusLabels: Record<AgencyLicenceStatus, string> = {
  licensed: 'Berizin',
  expired: 'Izin sudah habis',
  unknown: 'Tidak ada dalam daftar P3MI berizin',
};

export const returnReasons = ['kontrak_selesai', 'bermasalah', 'dideportasi', 'lainnya'] as const;
export const returnReasonSchema = z.enum(returnReasons, { message: 'Alasan kepulangan tidak dikenal' });
export type ReturnReason = z.infer<typeof returnReasonSchema>;
export const returnReasonLabels: Record<ReturnReason, string> = {
  kontrak_selesai: 'Kontrak selesai',
  bermasalah: 'Bermasalah',
  dideportasi: 'Dideportasi',
  lainnya: 'Lainnya',
};

export const caseTypes = [
  'gaji_tidak_dibayar',
  'kekerasan',
  'hilang_kontak',
  'sakit',
  'ditahan',
  'meninggal',
  'lainnya',
] as const;
export const caseTypeSchema = z.enum(caseTypes, { message: 'Jenis kasus tidak dikenal' });
export type CaseType = z.infer<typeof caseTypeSchema>;
export const caseTypeLabels: Record<CaseType, string> = {
  gaji_tidak_dibayar: 'Gaji tidak dibayar',
  kekerasan: 'Kekerasan/penganiayaan',
  hilang_kontak: 'Hilang kontak',
  sakit: 'Sakit',
  ditahan: 'Ditahan',
  meninggal: 'Meninggal dunia',
  lainnya: 'Lainnya',
};

export const caseStatuses = ['baru', 'ditangani_desa', 'dirujuk_kabupaten', 'selesai'] as const;
export const caseStatusSchema = z.enum(caseStatuses, { message: 'Status kasus tidak dikenal' });
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  baru: 'Baru',
  ditangani_desa: 'Ditangani desa',
  dirujuk_kabupaten: 'Dirujuk ke kabupaten',
  selesai: 'Selesai',
};

/**
 * The steps a case may take. A new case may go straight to the regency (a death or a
 * detention abroad is beyond any village); a case the village handles is closed there or
 * referred; a referred case is closed by the coordinator. A closed case stays closed:
 * a new complaint is a new case.
 */
export const caseStatusTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  baru: ['ditangani_desa', 'dirujuk_kabupaten'],
  ditangani_desa: ['dirujuk_kabupaten', 'selesai'],
  dirujuk_kabupaten: ['selesai'],
  selesai: [],
};

/**
 * The ten occupations whose placement costs the worker may never pay (Peraturan BP2MI
 * 9/2020 Pasal 3 ayat 3): tickets, work visa, passport, training, competency certificate,
 * medical and psychological checks, social security, police certificate, local transport,
 * lodging and the company's fee are borne by the employer and the regional government.
 */
export const feeFreeOccupations = [
  'pengurus_rumah_tangga',
  'pengasuh_bayi',
  'pengasuh_lansia',
  'juru_masak',
  'supir_keluarga',
  'perawat_taman',
  'pengasuh_anak',
  'petugas_kebersihan',
  'pekerja_ladang_perkebunan',
  'awak_kapal_perikanan',
] as const;
export const feeFreeOccupationSchema = z.enum(feeFreeOccupations, { message: 'Jabatan bebas biaya tidak dikenal' });
export type FeeFreeOccupation = z.infer<typeof feeFreeOccupationSchema>;
export const feeFreeOccupationLabels: Record<FeeFreeOccupation, string> = {
  pengurus_rumah_tangga: 'Pengurus rumah tangga (housekeeper)',
  pengasuh_bayi: 'Pengasuh bayi (baby sitter)',
  pengasuh_lansia: 'Pengasuh lanjut usia (caretaker)',
  juru_masak: 'Juru masak (cook)',
  supir_keluarga: 'Sopir keluarga (family driver)',
  perawat_taman: 'Perawat taman (gardener)',
  pengasuh_anak: 'Pengasuh anak (child care)',
  petugas_kebersihan: 'Petugas kebersihan (cleaner)',
  pekerja_ladang_perkebunan: 'Pekerja ladang/perkebunan (farmer/plantation worker)',
  awak_kapal_perikanan: 'Awak kapal perikanan migran (fishing vessel crew)',
};

/**
 * Kepmenaker 260/2015 stopped placing workers with individual (household) employers in
 * the Middle East from 1 July 2015. Official statements name 19 countries:
 * - 'confirmed': the 18 that the Indonesian embassy in Tripoli listed from the decree
 *   (Arab Saudi, Aljazair, Bahrain, Irak, Kuwait, Lebanon, Maroko, Mauritania, Mesir,
 *   Oman, Palestina, Qatar, Sudan, Tunisia, Uni Emirat Arab, Yaman, Yordania, Libya), plus
 *   Suriah, which Kemnaker named as one of the 19 in 2023. I have not read the decree's
 *   own annex.
 * - 'unconfirmed': Iran, Pakistan and Sudan Selatan were in the minister's 21-country
 *   announcement of May 2015 but in neither list above.
 */
export type DomesticWorkBan = 'confirmed' | 'unconfirmed';

export type DestinationCountry = {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly name: string;
  readonly domesticWorkBan?: DomesticWorkBan;
};

/**
 * Destinations by ISO 3166-1 alpha-2 code with Indonesian names: the main placement
 * countries (2023: Taiwan, Malaysia, Hong Kong, Korea Selatan, Jepang, Singapura, Arab
 * Saudi), the Middle East, Europe, the Americas and the flag states of seafarers' ships.
 * Add a country here when a village needs one that is missing.
 */
export const destinationCountries = [
  { code: 'TW', name: 'Taiwan' },
  { code: 'MY', name: 'Malaysia' },
  { code: 'HK', name: 'Hong Kong' },
  { code: 'KR', name: 'Korea Selatan' },
  { code: 'JP', name: 'Jepang' },
  { code: 'SG', name: 'Singapura' },
  { code: 'SA', name: 'Arab Saudi', domesticWorkBan: 'confirmed' },
  { code: 'BN', name: 'Brunei Darussalam' },
  { code: 'MO', name: 'Makau' },
  { code: 'CN', name: 'Tiongkok' },
  { code: 'TH', name: 'Thailand' },
  { code: 'PH', name: 'Filipina' },
  { code: 'VN', name: 'Vietnam' },
  { code: 'KH', name: 'Kamboja' },
  { code: 'LA', name: 'Laos' },
  { code: 'MM', name: 'Myanmar' },
  { code: 'TL', name: 'Timor Leste' },
  { code: 'IN', name: 'India' },
  { code: 'BD', name: 'Bangladesh' },
  { code: 'LK', name: 'Sri Lanka' },
  { code: 'MV', name: 'Maladewa' },
  { code: 'NP', name: 'Nepal' },
  { code: 'PK', name: 'Pakistan', domesticWorkBan: 'unconfirmed' },
  { code: 'AU', name: 'Australia' },
  { code: 'NZ', name: 'Selandia Baru' },
  { code: 'PG', name: 'Papua Nugini' },
  { code: 'FJ', name: 'Fiji' },
  { code: 'PW', name: 'Palau' },
  { code: 'AE', name: 'Uni Emirat Arab', domesticWorkBan: 'confirmed' },
  { code: 'QA', name: 'Qatar', domesticWorkBan: 'confirmed' },
  { code: 'KW', name: 'Kuwait', domesticWorkBan: 'confirmed' },
  { code: 'OM', name: 'Oman', domesticWorkBan: 'confirmed' },
  { code: 'BH', name: 'Bahrain', domesticWorkBan: 'confirmed' },
  { code: 'JO', name: 'Yordania', domesticWorkBan: 'confirmed' },
  { code: 'IQ', name: 'Irak', domesticWorkBan: 'confirmed' },
  { code: 'LB', name: 'Lebanon', domesticWorkBan: 'confirmed' },
  { code: 'SY', name: 'Suriah', domesticWorkBan: 'confirmed' },
  { code: 'PS', name: 'Palestina', domesticWorkBan: 'confirmed' },
  { code: 'YE', name: 'Yaman', domesticWorkBan: 'confirmed' },
  { code: 'IR', name: 'Iran', domesticWorkBan: 'unconfirmed' },
  { code: 'EG', name: 'Mesir', domesticWorkBan: 'confirmed' },
  { code: 'LY', name: 'Libya', domesticWorkBan: 'confirmed' },
  { code: 'TN', name: 'Tunisia', domesticWorkBan: 'confirmed' },
  { code: 'DZ', name: 'Aljazair', domesticWorkBan: 'confirmed' },
  { code: 'MA', name: 'Maroko', domesticWorkBan: 'confirmed' },
  { code: 'MR', name: 'Mauritania', domesticWorkBan: 'confirmed' },
  { code: 'SD', name: 'Sudan', domesticWorkBan: 'confirmed' },
  { code: 'SS', name: 'Sudan Selatan', domesticWorkBan: 'unconfirmed' },
  { code: 'TR', name: 'Turki' },
  { code: 'DE', name: 'Jerman' },
  { code: 'NL', name: 'Belanda' },
  { code: 'GB', name: 'Inggris Raya' },
  { code: 'IE', name: 'Irlandia' },
  { code: 'FR', name: 'Prancis' },
  { code: 'BE', name: 'Belgia' },
  { code: 'CH', name: 'Swiss' },
  { code: 'AT', name: 'Austria' },
  { code: 'IT', name: 'Italia' },
  { code: 'ES', name: 'Spanyol' },
  { code: 'PT', name: 'Portugal' },
  { code: 'GR', name: 'Yunani' },
  { code: 'CY', name: 'Siprus' },
  { code: 'MT', name: 'Malta' },
  { code: 'PL', name: 'Polandia' },
  { code: 'CZ', name: 'Ceko' },
  { code: 'SK', name: 'Slovakia' },
  { code: 'HU', name: 'Hungaria' },
  { code: 'RO', name: 'Rumania' },
  { code: 'BG', name: 'Bulgaria' },
  { code: 'HR', name: 'Kroasia' },
  { code: 'SI', name: 'Slovenia' },
  { code: 'LT', name: 'Lituania' },
  { code: 'LV', name: 'Latvia' },
  { code: 'EE', name: 'Estonia' },
  { code: 'DK', name: 'Denmark' },
  { code: 'NO', name: 'Norwegia' },
  { code: 'SE', name: 'Swedia' },
  { code: 'FI', name: 'Finlandia' },
  { code: 'RU', name: 'Rusia' },
  { code: 'US', name: 'Amerika Serikat' },
  { code: 'CA', name: 'Kanada' },
  { code: 'MX', name: 'Meksiko' },
  { code: 'BR', name: 'Brasil' },
  { code: 'PA', name: 'Panama' },
  { code: 'BS', name: 'Bahama' },
  { code: 'LR', name: 'Liberia' },
  { code: 'MH', name: 'Kepulauan Marshall' },
  { code: 'ZA', name: 'Afrika Selatan' },
  { code: 'MU', name: 'Mauritius' },
  { code: 'SC', name: 'Seychelles' },
] as const satisfies readonly DestinationCountry[];

export type DestinationCountryCode = (typeof destinationCountries)[number]['code'];

const countryCodes = destinationCountries.map((country) => country.code) as [
  DestinationCountryCode,
  ...DestinationCountryCode[],
];

/** A destination typed in any case with stray spaces (' hk ') is read as its code (HK). */
export const destinationCountrySchema = z
  .string({ message: 'Negara tujuan wajib diisi' })
  .trim()
  .toUpperCase()
  .pipe(z.enum(countryCodes, { message: 'Negara tujuan tidak dikenal (kode ISO dua huruf, contoh HK)' }));

export function findDestinationCountry(code: string): DestinationCountry | undefined {
  return destinationCountries.find((country) => country.code === code);
}

/** The Indonesian name of a destination, or the code itself when it is not in the list. */
export function destinationCountryName(code: string): string {
  return findDestinationCountry(code)?.name ?? code;
}

/**
 * What the officer records when a villager plans to work abroad. Most answers may be
 * left empty while the plan is young; the rules treat an empty answer as "not known yet"
 * and raise no flag on it. A later answer of `true`/`false` is what the villager said.
 */
export const migrationPlanInputSchema = z.object({
  destinationCountry: destinationCountrySchema,
  /** The job as the recruiter or employer names it ("caregiver panti jompo"). */
  occupation: z
    .string({ message: 'Jabatan/pekerjaan wajib diisi' })
    .trim()
    .min(2, { message: 'Jabatan/pekerjaan minimal 2 huruf' })
    .max(150, { message: 'Jabatan/pekerjaan terlalu panjang' }),
  /** Set when the job is one of the ten fee-free occupations. */
  feeFreeOccupation: feeFreeOccupationSchema.nullable().optional(),
  sector: sectorSchema,
  scheme: placementSchemeSchema,
  agencyName: optionalText(200),
  agencyLicenceNumber: optionalText(100),
  jobOrderReference: optionalText(100),
  expectedDepartureDate: isoDate('Perkiraan tanggal berangkat').nullable().optional(),
  visaType: visaTypeSchema.nullable().optional(),
  /** What the worker was asked to pay, in whole rupiah. */
  feesAskedRupiah: z
    .number({ message: 'Biaya yang diminta harus angka rupiah' })
    .int({ message: 'Biaya yang diminta harus rupiah bulat, tanpa sen' })
    .min(0, { message: 'Biaya yang diminta tidak boleh negatif' })
    .max(1_000_000_000_000, { message: 'Biaya yang diminta terlalu besar' })
    .nullable()
    .optional(),
  feesToPersonalAccount: z.boolean().nullable().optional(),
  recruiterContact: recruiterContactSchema.nullable().optional(),
  shelterBeforeDocuments: z.boolean().nullable().optional(),
  contractReadable: z.boolean().nullable().optional(),
});
export type MigrationPlanInput = z.infer<typeof migrationPlanInputSchema>;

/** A document of a plan as the officer records it; the scan is stored separately. */
export const migrationDocumentInputSchema = z
  .object({
    kind: documentKindSchema,
    status: documentStatusSchema,
    number: optionalText(100),
    issuedOn: isoDate('Tanggal terbit').nullable().optional(),
    expiresOn: isoDate('Tanggal berlaku sampai').nullable().optional(),
    issuingOffice: optionalText(200),
  })
  .refine((doc) => !doc.issuedOn || !doc.expiresOn || doc.issuedOn <= doc.expiresOn, {
    message: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit',
    path: ['expiresOn'],
  });
export type MigrationDocumentInput = z.infer<typeof migrationDocumentInputSchema>;

export const documentRequirements = ['required', 'optional', 'not_applicable'] as const;
export type DocumentRequirement = (typeof documentRequirements)[number];
export const documentRequirementLabels: Record<DocumentRequirement, string> = {
  required: 'Wajib',
  optional: 'Tidak wajib',
  not_applicable: 'Tidak perlu',
};

export const checklistItemSchema = z.object({
  kind: documentKindSchema,
  /** The label for this plan: "Surat izin suami/istri …" for a married worker. */
  label: z.string(),
  requirement: z.enum(documentRequirements),
  /** The rule, e.g. "UU 18/2017 Pasal 13 huruf b". */
  legalBasis: z.string(),
  /** Why the rule applies (or not) to this plan, in plain Indonesian. */
  reason: z.string(),
  /** The recorded status; an expired paper counts as `tidak_berlaku` whatever was ticked. */
  status: documentStatusSchema,
  complete: z.boolean(),
  /** What is still to be done, in plain Indonesian; null when nothing is. */
  missing: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const readinessIssueSchema = z.object({ code: z.string(), message: z.string() });
export type ReadinessIssue = z.infer<typeof readinessIssueSchema>;

export const readinessSchema = z.object({
  ready: z.boolean(),
  blockers: z.array(readinessIssueSchema),
  warnings: z.array(readinessIssueSchema),
  missing: z.array(z.object({ kind: documentKindSchema, label: z.string(), message: z.string() })),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const redFlagCodes = [
  'AGENCY_NOT_NAMED',
  'AGENCY_UNLICENSED',
  'AGENCY_LICENCE_EXPIRED',
  'NO_JOB_ORDER',
  'NON_WORK_VISA',
  'FEES_ON_FEE_FREE_JOB',
  'FEES_ASKED',
  'FEES_TO_PERSONAL_ACCOUNT',
  'MORATORIUM_COUNTRY',
  'MORATORIUM_COUNTRY_UNCONFIRMED',
  'MANDIRI_FOR_HOUSEHOLD',
  'SHELTER_BEFORE_DOCUMENTS',
  'UNDER_AGE',
  'IDENTITY_MISMATCH',
  'DEPARTURE_BEFORE_DOCUMENTS',
  'ONLY_PASSPORT_AND_VISA',
  'RECRUITER_SOCIAL_MEDIA_ONLY',
  'CONTRACT_UNREADABLE',
] as const;
export const redFlagCodeSchema = z.enum(redFlagCodes);
export type RedFlagCode = z.infer<typeof redFlagCodeSchema>;

/** 'tinggi': stop and report to the regency; 'sedang': ask more before going on. */
export const redFlagSeverities = ['tinggi', 'sedang'] as const;
export type RedFlagSeverity = (typeof redFlagSeverities)[number];

export const redFlagSchema = z.object({
  code: redFlagCodeSchema,
  severity: z.enum(redFlagSeverities),
  title: z.string(),
  explanation: z.string(),
});
export type RedFlag = z.infer<typeof redFlagSchema>;
