import { z } from 'zod';
import {
  agamaSchema,
  golonganDarahSchema,
  jenisKelaminSchema,
  pekerjaanSchema,
  pendidikanKkSchema,
  pendidikanSedangSchema,
  shdkSchema,
  statusDasarSchema,
  statusKawinSchema,
  wargaNegaraSchema,
} from './code-lists.js';
import { pageQuerySchema, uuidSchema, villageCodeSchema } from './common.js';

export const migrantStatuses = ['bukan_pmi', 'calon_pmi', 'pmi', 'purna_pmi', 'keluarga_pmi'] as const;
export const migrantStatusSchema = z.enum(migrantStatuses, { message: 'Status pekerja migran tidak dikenal' });
export type MigrantStatus = z.infer<typeof migrantStatusSchema>;
export const migrantStatusLabels: Record<MigrantStatus, string> = {
  bukan_pmi: 'Bukan pekerja migran',
  calon_pmi: 'Calon PMI',
  pmi: 'PMI (di luar negeri)',
  purna_pmi: 'Purna PMI',
  keluarga_pmi: 'Keluarga PMI',
};

export const familyLinkRelations = ['pasangan', 'anak', 'pengasuh', 'orang_tua', 'saudara', 'lainnya'] as const;
export const familyLinkRelationSchema = z.enum(familyLinkRelations, { message: 'Hubungan tidak dikenal' });
export const familyLinkRelationLabels: Record<(typeof familyLinkRelations)[number], string> = {
  pasangan: 'Suami/istri',
  anak: 'Anak',
  pengasuh: 'Pengasuh anak',
  orang_tua: 'Orang tua',
  saudara: 'Saudara',
  lainnya: 'Lainnya',
};

export const consentBases = ['kewajiban_hukum', 'persetujuan'] as const;
export const consentBasisSchema = z.enum(consentBases, { message: 'Dasar pemrosesan tidak dikenal' });
export const consentBasisLabels: Record<(typeof consentBases)[number], string> = {
  kewajiban_hukum: 'Kewajiban hukum desa (UU 18/2017 Pasal 42)',
  persetujuan: 'Persetujuan',
};

// Civil-registry exports carry spaces, dots, dashes and invisible characters inside numbers.
const cleanDigits = (value: string) => value.replace(/[\s.\-\u00A0\u200B-\u200D\u2060\uFEFF]/g, '');

export const nikSchema = z
  .string({ message: 'NIK wajib diisi' })
  .transform(cleanDigits)
  .pipe(z.string().regex(/^\d{16}$/, { message: 'NIK harus 16 digit angka' }));
export const noKkSchema = z
  .string({ message: 'No. KK wajib diisi' })
  .transform(cleanDigits)
  .pipe(z.string().regex(/^\d{16}$/, { message: 'No. KK harus 16 digit angka' }));

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });
// "Today" is the calendar day in Indonesia (WIB), not in UTC: between 00:00 and 07:00 WIB
// the UTC date is still yesterday, and today's events would be refused.
const todayInWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const pastDate = (what: string) =>
  isoDate(what).refine((d) => d <= todayInWib(), { message: `${what} tidak boleh di masa depan` });

export const personInputSchema = z.object({
  /** UUIDv7 made by the device that recorded the person (also offline); the server makes one when absent. */
  id: uuidSchema.optional(),
  nik: nikSchema,
  name: z.string().trim().min(2, { message: 'Nama minimal 2 huruf' }).max(150, { message: 'Nama terlalu panjang' }),
  sex: jenisKelaminSchema,
  birthPlace: optionalText(100),
  birthDate: pastDate('Tanggal lahir').nullable().optional(),
  religion: agamaSchema.nullable().optional(),
  educationKk: pendidikanKkSchema.nullable().optional(),
  educationCurrent: pendidikanSedangSchema.nullable().optional(),
  occupation: pekerjaanSchema.nullable().optional(),
  maritalStatus: statusKawinSchema.nullable().optional(),
  familyRelationship: shdkSchema.nullable().optional(),
  citizenship: wargaNegaraSchema.optional(),
  bloodType: golonganDarahSchema.nullable().optional(),
  fatherNik: nikSchema.nullable().optional(),
  fatherName: optionalText(150),
  motherNik: nikSchema.nullable().optional(),
  motherName: optionalText(150),
  passportNumber: optionalText(30),
  passportExpiry: isoDate('Tanggal akhir paspor').nullable().optional(),
  statusDasar: statusDasarSchema.optional(),
  address: optionalText(300),
  dusun: optionalText(100),
  rw: optionalText(10),
  rt: optionalText(10),
  phone: z
    .string()
    .trim()
    .regex(/^(\+62|0)8\d{7,12}$/, { message: 'Nomor HP tidak valid (contoh 081234567890)' })
    .nullable()
    .optional(),
  familyId: uuidSchema.nullable().optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const createPersonRequestSchema = personInputSchema.extend({
  migrantStatus: migrantStatusSchema.default('bukan_pmi'),
  /** Record the person even though a likely duplicate was shown (the officer confirmed). */
  confirmNotDuplicate: z.boolean().optional(),
});
export type CreatePersonRequest = z.infer<typeof createPersonRequestSchema>;

export const updatePersonRequestSchema = personInputSchema
  .omit({ id: true })
  .partial()
  .extend({ version: z.string().regex(/^\d+$/, { message: 'Versi tidak valid' }) });
export type UpdatePersonRequest = z.infer<typeof updatePersonRequestSchema>;

export const identityIssueSchema = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), message: z.string() });

export const personSummarySchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  nik: z.string(),
  nikMasked: z.boolean(),
  nikTemporary: z.boolean(),
  name: z.string(),
  sex: z.number().int(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
  dusun: z.string().nullable(),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  migrantStatus: migrantStatusSchema,
  statusDasar: z.number().int(),
  familyId: z.string().nullable(),
  /** NIKs recorded more than once in the national registry are flagged, never merged silently. */
  nikDuplicateCount: z.number().int(),
  version: z.string(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const migrantStatusEventSchema = z.object({
  id: uuidSchema,
  status: migrantStatusSchema,
  effectiveDate: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

export const consentSchema = z.object({
  id: uuidSchema,
  basis: consentBasisSchema,
  givenByName: z.string().nullable(),
  guardianPersonId: z.string().nullable(),
  guardianRelationship: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Last day a consent holds (YYYY-MM-DD), when it was given for a limited time; null otherwise. */
  expiresAt: z.string().nullable(),
});

export const familyLinkSchema = z.object({
  id: uuidSchema,
  migrantId: uuidSchema,
  relativeId: uuidSchema,
  relation: familyLinkRelationSchema,
  /** The other person of the link, as seen from the person the page is about. */
  other: z.object({ id: uuidSchema, name: z.string(), migrantStatus: migrantStatusSchema }),
  direction: z.enum(['left_behind', 'migrant']),
});

export const personDetailSchema = personSummarySchema.extend({
  religion: z.number().int().nullable(),
  educationKk: z.number().int().nullable(),
  educationCurrent: z.number().int().nullable(),
  occupation: z.number().int().nullable(),
  maritalStatus: z.number().int().nullable(),
  familyRelationship: z.number().int().nullable(),
  citizenship: z.number().int(),
  bloodType: z.number().int().nullable(),
  fatherNik: z.string().nullable(),
  fatherName: z.string().nullable(),
  motherNik: z.string().nullable(),
  motherName: z.string().nullable(),
  passportNumber: z.string().nullable(),
  passportExpiry: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  nikIssues: z.array(identityIssueSchema),
  statusHistory: z.array(migrantStatusEventSchema),
  consents: z.array(consentSchema),
  links: z.array(familyLinkSchema),
  family: z
    .object({
      id: uuidSchema,
      noKk: z.string().nullable(),
      noKkMasked: z.boolean(),
      headName: z.string().nullable(),
      members: z.array(z.object({ id: uuidSchema, name: z.string(), familyRelationship: z.number().int().nullable() })),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const ageBands = ['0-5', '6-17', '18-24', '25-39', '40-59', '60+'] as const;
export const ageBandSchema = z.enum(ageBands, { message: 'Kelompok umur tidak dikenal' });

export const listPeopleQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  migrantStatus: migrantStatusSchema.optional(),
  dusun: z.string().trim().max(100).optional(),
  sex: z.coerce.number().int().pipe(jenisKelaminSchema).optional(),
  ageBand: ageBandSchema.optional(),
  statusDasar: z.coerce.number().int().pipe(statusDasarSchema).optional(),
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuerySchema>;

export const listPeopleResponseSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const villagePeopleParamsSchema = z.object({ villageCode: villageCodeSchema });
export const personParamsSchema = z.object({ id: uuidSchema });

export const recordMigrantStatusRequestSchema = z.object({
  id: uuidSchema.optional(),
  status: migrantStatusSchema,
  effectiveDate: pastDate('Tanggal berlaku'),
  note: optionalText(1000),
});

export const recordConsentRequestSchema = z
  .object({
    id: uuidSchema.optional(),
    basis: consentBasisSchema,
    givenByName: optionalText(150),
    guardianPersonId: uuidSchema.nullable().optional(),
    guardianRelationship: optionalText(60),
    note: optionalText(1000),
    /** Last day the consent holds (inclusive), for a consent given for a limited time. */
    expiresAt: isoDate('Tanggal berlaku sampai').nullable().optional(),
  })
  .refine((c) => c.basis !== 'persetujuan' || Boolean(c.givenByName?.trim()), {
    message: 'Isi nama yang memberi persetujuan',
    path: ['givenByName'],
  })
  .refine((c) => !c.expiresAt || c.basis === 'persetujuan', {
    message: 'Batas waktu hanya untuk persetujuan; kewajiban hukum tidak berakhir pada tanggal tertentu',
    path: ['expiresAt'],
  })
  .refine((c) => !c.expiresAt || c.expiresAt > todayInWib(), {
    message: 'Tanggal berlaku sampai harus setelah hari ini',
    path: ['expiresAt'],
  });

export const createFamilyLinkRequestSchema = z.object({
  id: uuidSchema.optional(),
  relativeId: uuidSchema,
  relation: familyLinkRelationSchema,
});

export const familySchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  noKk: z.string().nullable(),
  noKkMasked: z.boolean(),
  noKkTemporary: z.boolean(),
  noKkHistory: z.array(z.object({ noKk: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  headPersonId: z.string().nullable(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  dusun: z.string().nullable(),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  members: z.array(personSummarySchema.extend({ familyRelationship: z.number().int().nullable() })),
  version: z.string(),
});
export type Family = z.infer<typeof familySchema>;

export const createFamilyRequestSchema = z.object({
  id: uuidSchema.optional(),
  noKk: noKkSchema,
  headPersonId: uuidSchema.nullable().optional(),
  address: optionalText(300),
  dusun: optionalText(100),
  rw: optionalText(10),
  rt: optionalText(10),
});

export const updateFamilyRequestSchema = z.object({
  noKk: noKkSchema.optional(),
  /** From when a new KK number applies (the date on the new card). */
  noKkValidFrom: isoDate('Tanggal KK baru').optional(),
  headPersonId: uuidSchema.nullable().optional(),
  address: optionalText(300),
  dusun: optionalText(100),
  rw: optionalText(10),
  rt: optionalText(10),
  version: z.string().regex(/^\d+$/, { message: 'Versi tidak valid' }),
});

export const listFamiliesQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
export const familyListItemSchema = z.object({
  id: uuidSchema,
  noKk: z.string().nullable(),
  noKkMasked: z.boolean(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  dusun: z.string().nullable(),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  migrantCount: z.number().int(),
});
export const listFamiliesResponseSchema = z.object({
  items: z.array(familyListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
