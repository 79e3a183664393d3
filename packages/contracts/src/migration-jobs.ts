import { z } from 'zod';
import { pageQuerySchema, uuidSchema, villageCodeSchema } from './common.js';
import { agencyLicenceStatusSchema, destinationCountrySchema, placementSchemeSchema, sectorSchema } from './migration.js';

/**
 * Job information (lowongan), the licensed-agency spreadsheet and the public page's API
 * (issue 4). Job orders and agencies are national and carry nobody's personal data; the
 * public shapes below are what a villager sees without signing in.
 */

const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, { message: `${what} terlalu panjang` }).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });
const versionSchema = z.string().regex(/^\d+$/, { message: 'Versi tidak valid' });
const yesNo = z.enum(['true', 'false'], { message: 'Pilih true atau false' }).transform((v) => v === 'true');

/** ISO 4217: HKD, TWD, MYR, KRW, JPY, SAR, USD, IDR… typed in any case. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'Mata uang harus kode tiga huruf (contoh HKD, TWD, USD)' });

// ---------------------------------------------------------------- job orders

export const jobOrderInputSchema = z.object({
  country: destinationCountrySchema,
  occupation: z
    .string({ message: 'Jabatan/pekerjaan wajib diisi' })
    .trim()
    .min(2, { message: 'Jabatan/pekerjaan minimal 2 huruf' })
    .max(150, { message: 'Jabatan/pekerjaan terlalu panjang' }),
  sector: sectorSchema,
  scheme: placementSchemeSchema,
  /** The licensed agency (P3MI); empty for government placements. */
  agencyId: uuidSchema.nullable().optional(),
  quota: z.coerce
    .number({ message: 'Kuota harus angka' })
    .int({ message: 'Kuota harus bilangan bulat' })
    .min(1, { message: 'Kuota minimal 1 orang' })
    .max(100000, { message: 'Kuota terlalu besar' })
    .nullable()
    .optional(),
  salaryAmount: z.coerce
    .number({ message: 'Gaji harus angka' })
    .min(0, { message: 'Gaji tidak boleh negatif' })
    .max(1e12, { message: 'Gaji terlalu besar' })
    .nullable()
    .optional(),
  salaryCurrency: currencySchema.nullable().optional(),
  closingDate: isoDate('Tanggal penutupan').nullable().optional(),
  referenceNumber: optionalText(100, 'Nomor job order'),
  description: optionalText(4000, 'Keterangan'),
  requirements: optionalText(4000, 'Persyaratan'),
});

const salaryPaired = (j: { salaryAmount?: number | null; salaryCurrency?: string | null }) =>
  (j.salaryAmount === undefined || j.salaryAmount === null) === (j.salaryCurrency === undefined || j.salaryCurrency === null);
const salaryMessage = { message: 'Isi jumlah gaji bersama mata uangnya (contoh 4990 HKD)', path: ['salaryCurrency'] };

export const createJobOrderRequestSchema = jobOrderInputSchema.extend({ id: uuidSchema.optional() }).refine(salaryPaired, salaryMessage);
export type CreateJobOrderRequest = z.infer<typeof createJobOrderRequestSchema>;
/** A field left out keeps its value; a changed job order must be verified again. */
export const updateJobOrderRequestSchema = jobOrderInputSchema.partial().extend({ version: versionSchema });
export type UpdateJobOrderRequest = z.infer<typeof updateJobOrderRequestSchema>;
export const verifyJobOrderRequestSchema = z.object({ version: versionSchema });

const jobAgencySchema = z.object({
  id: z.string(),
  name: z.string(),
  licenceNumber: z.string(),
  licenceValidUntil: z.string().nullable(),
  licenceStatus: agencyLicenceStatusSchema,
});

export const jobOrderSchema = z.object({
  id: z.string(),
  country: z.string(),
  countryName: z.string(),
  occupation: z.string(),
  sector: sectorSchema,
  scheme: placementSchemeSchema,
  agency: jobAgencySchema.nullable(),
  quota: z.number().int().nullable(),
  salaryAmount: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  closingDate: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  description: z.string().nullable(),
  requirements: z.string().nullable(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** Not closed yet: no closing date, or one today or later (Jakarta time). */
  open: z.boolean(),
  createdAt: z.string(),
  version: z.string(),
});
export type JobOrder = z.infer<typeof jobOrderSchema>;

export const listJobOrdersQuerySchema = pageQuerySchema.extend({
  country: destinationCountrySchema.optional(),
  sector: sectorSchema.optional(),
  openOnly: yesNo.optional(),
  verified: yesNo.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListJobOrdersQuery = z.infer<typeof listJobOrdersQuerySchema>;
export const listJobOrdersResponseSchema = z.object({
  items: z.array(jobOrderSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- agencies from a spreadsheet

/** The columns of the agency spreadsheet, in order; the export writes the same ones. */
export const agencySheetColumns = ['nama', 'nomor_izin', 'berlaku_sampai', 'alamat', 'cabang'] as const;
export type AgencySheetColumn = (typeof agencySheetColumns)[number];
export const agencyImportMaxBytes = 5 * 1024 * 1024;

/** "Cabang Cirebon: Jl. Tuparev 5; Cabang Brebes" → branches; a semicolon or a new line between branches. */
export function parseBranches(text: string | null): Array<{ name: string; address: string | null }> {
  if (!text) return [];
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) return { name: part, address: null };
      return { name: part.slice(0, colon).trim(), address: part.slice(colon + 1).trim() || null };
    });
}

export function formatBranches(branches: ReadonlyArray<{ name: string; address?: string | null }>): string | null {
  if (!branches.length) return null;
  return branches.map((b) => (b.address ? `${b.name}: ${b.address}` : b.name)).join('; ');
}

export const agencyImportRejectSchema = z.object({
  /** The row number the spreadsheet program shows. */
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});
export const agencyImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejects: z.array(agencyImportRejectSchema),
});
export type AgencyImportResult = z.infer<typeof agencyImportResultSchema>;

// ---------------------------------------------------------------- the village centre

const centreTextSchema = (max: number, what: string) =>
  z.string().trim().max(max, { message: `${what} terlalu panjang` }).nullable();
export const centrePhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+62|0)\d{6,13}$/, { message: 'Nomor telepon tidak valid (contoh 0234271234 atau 081234567890)' })
  .nullable();

/** The migration service centre's address, opening hours and phone, shown on the public page. */
export const updateCentreRequestSchema = z.object({
  centreAddress: centreTextSchema(300, 'Alamat pusat layanan').optional(),
  centreHours: centreTextSchema(200, 'Jam buka').optional(),
  centrePhone: centrePhoneSchema.optional(),
  version: versionSchema.optional(),
});
export type UpdateCentreRequest = z.infer<typeof updateCentreRequestSchema>;

export const villageCentreSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  regencyName: z.string(),
  provinceName: z.string(),
  centreAddress: z.string().nullable(),
  centreHours: z.string().nullable(),
  centrePhone: z.string().nullable(),
});
export type VillageCentre = z.infer<typeof villageCentreSchema>;
export const villageCentreWithVersionSchema = villageCentreSchema.extend({ version: z.string() });

// ---------------------------------------------------------------- public page (no login)

/** A verified, open job order as a villager sees it: the job, the agency, nothing of anyone. */
export const publicJobOrderSchema = z.object({
  id: z.string(),
  country: z.string(),
  countryName: z.string(),
  occupation: z.string(),
  sector: sectorSchema,
  scheme: placementSchemeSchema,
  agencyName: z.string().nullable(),
  agencyLicenceNumber: z.string().nullable(),
  agencyLicenceStatus: agencyLicenceStatusSchema.nullable(),
  quota: z.number().int().nullable(),
  salaryAmount: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  closingDate: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  description: z.string().nullable(),
  requirements: z.string().nullable(),
});
export type PublicJobOrder = z.infer<typeof publicJobOrderSchema>;
export const publicJobOrdersQuerySchema = pageQuerySchema.extend({
  country: destinationCountrySchema.optional(),
  sector: sectorSchema.optional(),
});
export const publicJobOrdersResponseSchema = z.object({
  items: z.array(publicJobOrderSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const agencyCheckQuerySchema = z.object({
  q: z
    .string({ message: 'Ketik nama agensi atau nomor izin' })
    .trim()
    .min(3, { message: 'Ketik minimal 3 huruf nama agensi atau nomor izin' })
    .max(200, { message: 'Terlalu panjang' }),
});
export const agencyCheckResponseSchema = z.object({
  query: z.string(),
  /** The answer for exactly this licence number or name: licensed, expired, or not in the list. */
  status: agencyLicenceStatusSchema,
  /** Agencies whose name or licence number contains what was typed (at most 20). */
  matches: z.array(
    z.object({
      name: z.string(),
      licenceNumber: z.string(),
      licenceValidUntil: z.string().nullable(),
      licenceStatus: agencyLicenceStatusSchema,
    }),
  ),
});
export type AgencyCheckResponse = z.infer<typeof agencyCheckResponseSchema>;

export const publicCentresQuerySchema = z.object({
  q: z.string().trim().min(2, { message: 'Ketik minimal 2 huruf nama desa' }).max(100).optional(),
});
export const publicCentresResponseSchema = z.object({ items: z.array(villageCentreSchema) });
export const publicCentreParamsSchema = z.object({ villageCode: villageCodeSchema });
