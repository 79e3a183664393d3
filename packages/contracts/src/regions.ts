import { z } from 'zod';
import { pageQuerySchema, regionCodeSchema, villageCodeSchema } from './common.js';

export const regionLevels = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export const regionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const regionSchema = z.object({
  code: z.string(),
  level: regionLevelSchema,
  name: z.string(),
  parentCode: z.string().nullable(),
  /** Names from province down to this region's parent, e.g. ["JAWA BARAT", "KABUPATEN INDRAMAYU", "Sindang"]. */
  path: z.array(z.string()),
});
export type Region = z.infer<typeof regionSchema>;

export const searchRegionsQuerySchema = z.object({
  q: z.string().trim().min(2, { message: 'Ketik minimal 2 huruf' }).max(100),
  level: regionLevelSchema.optional(),
  within: regionCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const regionListResponseSchema = z.object({ items: z.array(regionSchema) });

export const regionCodeParamsSchema = z.object({ code: regionCodeSchema });
export const regionDetailResponseSchema = z.object({
  region: regionSchema,
  children: z.array(regionSchema),
});

export const programVillageStatuses = ['diusulkan', 'aktif', 'mandiri', 'nonaktif'] as const;
export const programVillageStatusSchema = z.enum(programVillageStatuses, { message: 'Status desa tidak dikenal' });
export type ProgramVillageStatus = z.infer<typeof programVillageStatusSchema>;
export const programVillageStatusLabels: Record<ProgramVillageStatus, string> = {
  diusulkan: 'Diusulkan',
  aktif: 'Aktif',
  mandiri: 'Mandiri',
  nonaktif: 'Nonaktif',
};

const personNameSchema = z.string().trim().min(2, { message: 'Nama minimal 2 huruf' }).max(120);
const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+62|0)8\d{7,12}$/, { message: 'Nomor HP tidak valid (contoh 081234567890)' });

export const officerSchema = z.object({
  name: personNameSchema,
  phone: phoneSchema.nullable().optional(),
});
export type Officer = z.infer<typeof officerSchema>;

export const programVillageSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  regencyName: z.string(),
  provinceName: z.string(),
  cohortYear: z.number().int(),
  status: programVillageStatusSchema,
  officers: z.array(officerSchema),
  headName: z.string().nullable(),
  headPhone: z.string().nullable(),
  notes: z.string().nullable(),
  /** The migration service centre, shown on the public page (kept through PATCH …/centre). */
  centreAddress: z.string().nullable(),
  centreHours: z.string().nullable(),
  centrePhone: z.string().nullable(),
  enrolledAt: z.string(),
  updatedAt: z.string(),
  version: z.string(),
});
export type ProgramVillage = z.infer<typeof programVillageSchema>;

const currentYear = new Date().getFullYear();
export const cohortYearSchema = z.coerce
  .number({ message: 'Tahun angkatan harus angka' })
  .int()
  .min(2016, { message: 'Program Desmigratif dimulai tahun 2016' })
  .max(currentYear + 1, { message: `Tahun angkatan paling lambat ${currentYear + 1}` });

const villageDetailsSchema = z.object({
  cohortYear: cohortYearSchema,
  status: programVillageStatusSchema,
  officers: z.array(officerSchema).max(2, { message: 'Paling banyak dua petugas per desa' }),
  headName: personNameSchema.nullable(),
  headPhone: phoneSchema.nullable(),
  notes: z.string().trim().max(2000).nullable(),
});

export const enrollVillageRequestSchema = villageDetailsSchema.extend({
  villageCode: villageCodeSchema,
  status: villageDetailsSchema.shape.status.default('aktif'),
  officers: villageDetailsSchema.shape.officers.default([]),
  headName: villageDetailsSchema.shape.headName.optional(),
  headPhone: villageDetailsSchema.shape.headPhone.optional(),
  notes: villageDetailsSchema.shape.notes.optional(),
});
export type EnrollVillageRequest = z.infer<typeof enrollVillageRequestSchema>;

/** A partial change: a field left out keeps its value (no defaults here). */
export const updateVillageRequestSchema = villageDetailsSchema
  .partial()
  .extend({ version: z.string().regex(/^\d+$/, { message: 'Versi tidak valid' }).optional() });
export type UpdateVillageRequest = z.infer<typeof updateVillageRequestSchema>;

export const villageCodeParamsSchema = z.object({ villageCode: villageCodeSchema });

export const listProgramVillagesQuerySchema = pageQuerySchema.extend({
  within: regionCodeSchema.optional(),
  cohortYear: cohortYearSchema.optional(),
  status: programVillageStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export const listProgramVillagesResponseSchema = z.object({
  items: z.array(programVillageSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const cohortSummaryRowSchema = z.object({
  year: z.number().int(),
  target: z.number().int().nullable(),
  enrolled: z.number().int(),
  cumulativeEnrolled: z.number().int(),
  cumulativeTarget: z.number().int().nullable(),
});
export const programSummaryResponseSchema = z.object({
  scopeCode: z.string(),
  rows: z.array(cohortSummaryRowSchema),
  byStatus: z.record(z.string(), z.number().int()),
  byProvince: z.array(z.object({ code: z.string(), name: z.string(), villages: z.number().int() })),
  totalVillages: z.number().int(),
});

export const targetSchema = z.object({ year: z.number().int(), target: z.number().int() });
export const setTargetRequestSchema = z.object({
  target: z.coerce
    .number({ message: 'Target harus angka' })
    .int({ message: 'Target harus bilangan bulat' })
    .min(0, { message: 'Target tidak boleh negatif' })
    .max(100000, { message: 'Target terlalu besar' }),
});
export const yearParamsSchema = z.object({ year: cohortYearSchema });
