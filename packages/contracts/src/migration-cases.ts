import { z } from 'zod';
import { pageQuerySchema, regionCodeSchema, uuidSchema } from './common.js';
import {
  caseStatusSchema,
  caseTypeSchema,
  destinationCountrySchema,
  returnReasonSchema,
} from './migration.js';

/**
 * Departures abroad (penempatan), returns (purna PMI) and the family's complaints
 * (kasus/pengaduan) of the village migration service centre (issue 4).
 */

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });
const versionSchema = z.string().regex(/^\d+$/, { message: 'Versi tidak valid' });
const booleanQuery = z.enum(['true', 'false'], { message: 'Isi true atau false' }).transform((v) => v === 'true');

// ---------------------------------------------------------------- departures (penempatan)

const placementFields = {
  /** The migration plan the person left under; it is marked `berangkat`. */
  planId: uuidSchema.nullable().optional(),
  departureDate: isoDate('Tanggal berangkat'),
  destinationCountry: destinationCountrySchema,
  employer: optionalText(200),
  /** A licensed agency of the registry, else the agency's name as the family gives it. */
  agencyId: uuidSchema.nullable().optional(),
  agencyName: optionalText(200),
  contractStart: isoDate('Tanggal mulai kontrak').nullable().optional(),
  contractEnd: isoDate('Tanggal akhir kontrak').nullable().optional(),
  notes: optionalText(2000),
};

const contractOrder = {
  check: (p: { contractStart?: string | null; contractEnd?: string | null }) => !p.contractStart || !p.contractEnd || p.contractStart <= p.contractEnd,
  message: { message: 'Akhir kontrak tidak boleh sebelum mulai kontrak', path: ['contractEnd'] },
};

export const createPlacementRequestSchema = z
  .object({ id: uuidSchema.optional(), ...placementFields })
  .refine(contractOrder.check, contractOrder.message);
export type CreatePlacementRequest = z.infer<typeof createPlacementRequestSchema>;

export const updatePlacementRequestSchema = z
  .object({ ...placementFields, version: versionSchema })
  .omit({ planId: true })
  .partial()
  .required({ version: true })
  .refine(contractOrder.check, contractOrder.message);
export type UpdatePlacementRequest = z.infer<typeof updatePlacementRequestSchema>;

/** What a returned migrant may need to settle back home (feeds pillars 2 and 4). */
export const reintegrationNeeds = [
  'pelatihan_keterampilan',
  'modal_usaha',
  'pendampingan_usaha',
  'pekerjaan_dalam_negeri',
  'kesehatan',
  'psikososial',
  'bantuan_hukum',
  'pendidikan_anak',
  'lainnya',
] as const;
export const reintegrationNeedSchema = z.enum(reintegrationNeeds, { message: 'Kebutuhan reintegrasi tidak dikenal' });
export type ReintegrationNeed = z.infer<typeof reintegrationNeedSchema>;
export const reintegrationNeedLabels: Record<ReintegrationNeed, string> = {
  pelatihan_keterampilan: 'Pelatihan keterampilan',
  modal_usaha: 'Modal usaha',
  pendampingan_usaha: 'Pendampingan usaha',
  pekerjaan_dalam_negeri: 'Pekerjaan di dalam negeri',
  kesehatan: 'Kesehatan',
  psikososial: 'Psikososial',
  bantuan_hukum: 'Bantuan hukum',
  pendidikan_anak: 'Pendidikan anak',
  lainnya: 'Lainnya',
};

export const recordReturnRequestSchema = z.object({
  returnDate: isoDate('Tanggal pulang'),
  reason: returnReasonSchema,
  skillsGained: optionalText(1000),
  savingsPlan: optionalText(1000),
  reintegrationNeeds: z.array(reintegrationNeedSchema).max(reintegrationNeeds.length).default([]),
  notes: optionalText(2000),
  version: versionSchema,
});
export type RecordReturnRequest = z.infer<typeof recordReturnRequestSchema>;

export const placementReturnSchema = z.object({
  returnDate: z.string(),
  reason: returnReasonSchema,
  skillsGained: z.string().nullable(),
  savingsPlan: z.string().nullable(),
  reintegrationNeeds: z.array(reintegrationNeedSchema),
  notes: z.string().nullable(),
});

export const placementSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  planId: z.string().nullable(),
  departureDate: z.string(),
  destinationCountry: z.string(),
  destinationName: z.string(),
  employer: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  notes: z.string().nullable(),
  /** Still abroad and the contract ends within 60 days. */
  contractEndsSoon: z.boolean(),
  return: placementReturnSchema.nullable(),
  createdAt: z.string(),
  version: z.string(),
});
export type Placement = z.infer<typeof placementSchema>;

export const placementStates = ['abroad', 'returned', 'ending_soon'] as const;
export const placementStateSchema = z.enum(placementStates, { message: 'Filter penempatan tidak dikenal' });
export type PlacementState = z.infer<typeof placementStateSchema>;

export const listPlacementsQuerySchema = pageQuerySchema.extend({
  state: placementStateSchema.optional(),
  country: destinationCountrySchema.optional(),
});
export type ListPlacementsQuery = z.infer<typeof listPlacementsQuerySchema>;
export const exportPlacementsQuerySchema = listPlacementsQuerySchema.omit({ page: true, pageSize: true });

export const listPlacementsResponseSchema = z.object({
  items: z.array(placementSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const personPlacementsResponseSchema = z.object({ items: z.array(placementSchema) });

// ---------------------------------------------------------------- cases (kasus/pengaduan)

export const reporterRelations = ['pasangan', 'anak', 'orang_tua', 'saudara', 'diri_sendiri', 'lainnya'] as const;
export const reporterRelationSchema = z.enum(reporterRelations, { message: 'Hubungan pelapor tidak dikenal' });
export type ReporterRelation = z.infer<typeof reporterRelationSchema>;
export const reporterRelationLabels: Record<ReporterRelation, string> = {
  pasangan: 'Suami/istri',
  anak: 'Anak',
  orang_tua: 'Orang tua',
  saudara: 'Saudara',
  diri_sendiri: 'PMI sendiri',
  lainnya: 'Lainnya',
};

export const createCaseRequestSchema = z
  .object({
    id: uuidSchema.optional(),
    /** The migrant the complaint is about: a registered resident of the village. */
    migrantPersonId: uuidSchema,
    /** A registered resident who reports, else their name (and relation, phone). */
    reporterPersonId: uuidSchema.nullable().optional(),
    reporterName: optionalText(150),
    reporterRelation: reporterRelationSchema.nullable().optional(),
    reporterPhone: z
      .string()
      .trim()
      .regex(/^(\+62|0)8\d{7,12}$/, { message: 'Nomor HP tidak valid (contoh 081234567890)' })
      .nullable()
      .optional(),
    caseType: caseTypeSchema,
    description: z
      .string({ message: 'Uraian kasus wajib diisi' })
      .trim()
      .min(10, { message: 'Uraian kasus minimal 10 huruf' })
      .max(4000, { message: 'Uraian kasus terlalu panjang' }),
    incidentCountry: destinationCountrySchema.nullable().optional(),
  })
  .refine((c) => Boolean(c.reporterPersonId) || Boolean(c.reporterName && c.reporterName.length >= 2), {
    message: 'Pilih pelapor yang terdaftar atau isi nama pelapor (minimal 2 huruf)',
    path: ['reporterName'],
  });
export type CreateCaseRequest = z.infer<typeof createCaseRequestSchema>;

export const caseTransitionRequestSchema = z.object({
  to: caseStatusSchema,
  note: optionalText(2000),
  /** The version the user saw; a case moved by someone else meanwhile is refused (409). */
  version: versionSchema.optional(),
});
export type CaseTransitionRequest = z.infer<typeof caseTransitionRequestSchema>;

export const caseNoteRequestSchema = z.object({
  note: z.string({ message: 'Catatan wajib diisi' }).trim().min(2, { message: 'Catatan minimal 2 huruf' }).max(2000, { message: 'Catatan terlalu panjang' }),
});

export const caseEventKinds = ['dibuka', 'status', 'catatan'] as const;
export const caseEventSchema = z.object({
  id: z.string(),
  kind: z.enum(caseEventKinds),
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema.nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  migrantPersonId: z.string(),
  migrantName: z.string(),
  reporterPersonId: z.string().nullable(),
  /** The registered reporter's name, else the one given. */
  reporterName: z.string(),
  reporterRelation: reporterRelationSchema.nullable(),
  reporterPhone: z.string().nullable(),
  caseType: caseTypeSchema,
  description: z.string(),
  incidentCountry: z.string().nullable(),
  status: caseStatusSchema,
  /** When the case entered its current status; the SLA counts from here. */
  statusSince: z.string(),
  /** When the current status must be moved on (null once closed). */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseDetailSchema = caseSchema.extend({
  timeline: z.array(caseEventSchema),
  /** The statuses the signed-in user may move this case to. */
  allowedTransitions: z.array(caseStatusSchema),
  /** Whether the signed-in user may add a note. */
  canAddNote: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const listCasesQuerySchema = pageQuerySchema.extend({
  status: caseStatusSchema.optional(),
  type: caseTypeSchema.optional(),
  overdue: booleanQuery.optional(),
  /** Only open cases (not `selesai`). */
  open: booleanQuery.optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

/** The region-wide list of coordinators and the ministry: their scope, narrowed by `within`. */
export const listScopedCasesQuerySchema = listCasesQuerySchema.extend({ within: regionCodeSchema.optional() });
export type ListScopedCasesQuery = z.infer<typeof listScopedCasesQuerySchema>;
export const exportCasesQuerySchema = listScopedCasesQuerySchema.omit({ page: true, pageSize: true });

export const listCasesResponseSchema = z.object({
  items: z.array(caseSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
