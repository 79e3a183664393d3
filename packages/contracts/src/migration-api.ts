import { z } from 'zod';
import { pageQuerySchema, uuidSchema, villageCodeSchema } from './common.js';
import {
  agencyLicenceStatusSchema,
  checklistItemSchema,
  documentKindSchema,
  documentStatusSchema,
  migrationPlanInputSchema,
  readinessSchema,
  redFlagSchema,
  serviceTypeSchema,
  serviceTypes,
} from './migration.js';
import { documentScanSchema } from './migration-letters.js';

/** Requests and responses of the migration service centre's API (issue 4). */

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });
const versionSchema = z.string().regex(/^\d+$/, { message: 'Versi tidak valid' });

// ---------------------------------------------------------------- service log (layanan)

export const createServiceRequestSchema = z
  .object({
    id: uuidSchema.optional(),
    /** A registered resident of the village; else visitorName. */
    personId: uuidSchema.nullable().optional(),
    visitorName: z.string().trim().max(150, { message: 'Nama pengunjung terlalu panjang' }).nullable().optional(),
    serviceType: serviceTypeSchema,
    serviceDate: isoDate('Tanggal layanan'),
    notes: optionalText(2000),
    followUpDate: isoDate('Tanggal tindak lanjut').nullable().optional(),
  })
  .refine((s) => Boolean(s.personId) || Boolean(s.visitorName && s.visitorName.length >= 2), {
    message: 'Pilih penduduk yang terdaftar atau isi nama pengunjung (minimal 2 huruf)',
    path: ['visitorName'],
  })
  .refine((s) => !s.followUpDate || s.followUpDate >= s.serviceDate, {
    message: 'Tanggal tindak lanjut tidak boleh sebelum tanggal layanan',
    path: ['followUpDate'],
  });
export type CreateServiceRequest = z.infer<typeof createServiceRequestSchema>;

export const serviceSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  personId: z.string().nullable(),
  /** The registered person's name, else the visitor's. */
  name: z.string(),
  registered: z.boolean(),
  serviceType: serviceTypeSchema,
  serviceDate: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  notes: z.string().nullable(),
  followUpDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.string(),
});
export type MigrationService = z.infer<typeof serviceSchema>;

export const listServicesQuerySchema = pageQuerySchema.extend({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan tidak valid (format YYYY-MM, contoh 2026-03)' })
    .optional(),
  serviceType: serviceTypeSchema.optional(),
});
export type ListServicesQuery = z.infer<typeof listServicesQuerySchema>;
/** The export takes the list's filters, without paging: it holds every row. */
export const exportServicesQuerySchema = listServicesQuerySchema.pick({ month: true, serviceType: true });

export const listServicesResponseSchema = z.object({
  items: z.array(serviceSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const serviceSummaryQuerySchema = z.object({
  year: z.coerce
    .number({ message: 'Tahun harus angka' })
    .int({ message: 'Tahun harus angka bulat' })
    .min(2000, { message: 'Tahun minimal 2000' })
    .max(2100, { message: 'Tahun maksimal 2100' }),
});

/** Twelve months, each with a count per service type, for the officer's report. */
export const serviceSummaryResponseSchema = z.object({
  villageCode: z.string(),
  year: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      total: z.number().int(),
      byType: z.record(z.enum(serviceTypes), z.number().int()),
    }),
  ),
  total: z.number().int(),
});

export const villageParamsSchema = z.object({ villageCode: villageCodeSchema });
export const idParamsSchema = z.object({ id: uuidSchema });

// ---------------------------------------------------------------- licensed agencies (P3MI)

const branchSchema = z.object({
  name: z.string().trim().min(2, { message: 'Nama cabang minimal 2 huruf' }).max(150, { message: 'Nama cabang terlalu panjang' }),
  address: optionalText(300),
});

export const agencyInputSchema = z.object({
  name: z
    .string({ message: 'Nama P3MI wajib diisi' })
    .trim()
    .min(3, { message: 'Nama P3MI minimal 3 huruf' })
    .max(200, { message: 'Nama P3MI terlalu panjang' }),
  licenceNumber: z
    .string({ message: 'Nomor izin (SIP3MI) wajib diisi' })
    .trim()
    .min(3, { message: 'Nomor izin minimal 3 karakter' })
    .max(100, { message: 'Nomor izin terlalu panjang' }),
  licenceValidUntil: isoDate('Izin berlaku sampai').nullable().optional(),
  address: optionalText(300),
  branches: z.array(branchSchema).max(200, { message: 'Terlalu banyak cabang' }).optional(),
});
export const createAgencyRequestSchema = agencyInputSchema.extend({ id: uuidSchema.optional() });
export type CreateAgencyRequest = z.infer<typeof createAgencyRequestSchema>;
export const updateAgencyRequestSchema = agencyInputSchema.partial().extend({ version: versionSchema });
export type UpdateAgencyRequest = z.infer<typeof updateAgencyRequestSchema>;

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  licenceNumber: z.string(),
  licenceValidUntil: z.string().nullable(),
  address: z.string().nullable(),
  branches: z.array(z.object({ name: z.string(), address: z.string().nullable().optional() })),
  licenceStatus: agencyLicenceStatusSchema,
  version: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

export const listAgenciesQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });
export const listAgenciesResponseSchema = z.object({
  items: z.array(agencySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- migration plans

export const planStatuses = ['aktif', 'berangkat', 'batal'] as const;
export const planStatusSchema = z.enum(planStatuses, { message: 'Status rencana tidak dikenal' });
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const createMigrationPlanRequestSchema = migrationPlanInputSchema.extend({ id: uuidSchema.optional() });
export type CreateMigrationPlanRequest = z.infer<typeof createMigrationPlanRequestSchema>;

export const updateMigrationPlanRequestSchema = migrationPlanInputSchema
  .partial()
  .extend({ status: planStatusSchema.optional(), version: versionSchema });
export type UpdateMigrationPlanRequest = z.infer<typeof updateMigrationPlanRequestSchema>;

export const planDocumentParamsSchema = z.object({ id: uuidSchema, kind: documentKindSchema });
/** The document body; its kind is in the URL. */
export const putMigrationDocumentRequestSchema = z
  .object({
    status: documentStatusSchema,
    number: optionalText(100),
    issuedOn: isoDate('Tanggal terbit').nullable().optional(),
    expiresOn: isoDate('Tanggal berlaku sampai').nullable().optional(),
    issuingOffice: optionalText(200),
  })
  .refine(
  (doc) => !doc.issuedOn || !doc.expiresOn || doc.issuedOn <= doc.expiresOn,
  { message: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit', path: ['expiresOn'] },
);
export type PutMigrationDocumentRequest = z.infer<typeof putMigrationDocumentRequestSchema>;

export const migrationDocumentSchema = z.object({
  kind: documentKindSchema,
  status: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  issuingOffice: z.string().nullable(),
  updatedAt: z.string(),
});

export const migrationPlanSchema = migrationPlanInputSchema.extend({
  id: z.string(),
  villageCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  destinationCountry: z.string(),
  status: planStatusSchema,
  agencyLicence: agencyLicenceStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.string(),
});

export const migrationPlanDetailSchema = migrationPlanSchema.extend({
  documents: z.array(migrationDocumentSchema),
  checklist: z.array(checklistItemSchema),
  readiness: readinessSchema,
  redFlags: z.array(redFlagSchema),
  /** The current scan of each document that has one (download through the plan's scan route). */
  scans: z.array(documentScanSchema),
});
export type MigrationPlanDetail = z.infer<typeof migrationPlanDetailSchema>;

const booleanQuery = z.enum(['true', 'false'], { message: 'Isi true atau false' }).transform((v) => v === 'true');

export const listMigrationPlansQuerySchema = z.object({
  flagged: booleanQuery.optional(),
  ready: booleanQuery.optional(),
  status: planStatusSchema.optional(),
});

export const migrationPlanListItemSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  destinationCountry: z.string(),
  destinationName: z.string(),
  occupation: z.string(),
  status: planStatusSchema,
  expectedDepartureDate: z.string().nullable(),
  ready: z.boolean(),
  missingCount: z.number().int(),
  blockerCount: z.number().int(),
  redFlagCount: z.number().int(),
  highRedFlagCount: z.number().int(),
});
export const listMigrationPlansResponseSchema = z.object({ items: z.array(migrationPlanListItemSchema), total: z.number().int() });
