import { z } from 'zod';
import { pageQuerySchema, uuidSchema } from './common.js';

/**
 * Personal-data protection under UU 27/2022 (PDP), issue 6: who looked at a person's data,
 * data-subject requests, retention rules, expired consents and the breach-response report.
 */

const versionSchema = z.string().regex(/^\d+$/, { message: 'Versi tidak valid' });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = (what: string) => z.iso.date({ message: `${what} tidak valid (format YYYY-MM-DD)` });

// ---------------------------------------------------------------- access log

/** One audit entry about a person: a read of their sensitive data or a change to a record of theirs. */
export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** For reads of sensitive data: what was seen (e.g. "NIK lengkap", "data anak"). */
  what: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogQuerySchema = pageQuerySchema.extend({
  readsOnly: z.enum(['true', 'false'], { message: 'Isi true atau false' }).transform((v) => v === 'true').optional(),
});
export const accessLogResponseSchema = z.object({
  personName: z.string(),
  items: z.array(accessLogEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessLogResponse = z.infer<typeof accessLogResponseSchema>;

// ---------------------------------------------------------------- data-subject requests

export const dataSubjectRequestKinds = ['akses', 'koreksi', 'pembatasan', 'penghapusan', 'keberatan'] as const;
export const dataSubjectRequestKindSchema = z.enum(dataSubjectRequestKinds, { message: 'Jenis permintaan tidak dikenal' });
export type DataSubjectRequestKind = z.infer<typeof dataSubjectRequestKindSchema>;

/**
 * Hours the village has to answer, from receipt. 3×24 hours where UU 27/2022 says so
 * (access Pasal 32, correction Pasal 30, restriction Pasal 41); erasure and objection carry
 * no confirmed statutory period, so the program's service standard of 14 days applies.
 */
export const dataSubjectRequestDeadlineHours: Record<DataSubjectRequestKind, number> = {
  akses: 72,
  koreksi: 72,
  pembatasan: 72,
  penghapusan: 14 * 24,
  keberatan: 14 * 24,
};

export const dataSubjectRequestStatuses = ['diterima', 'diproses', 'selesai', 'ditolak'] as const;
export const dataSubjectRequestStatusSchema = z.enum(dataSubjectRequestStatuses, { message: 'Status permintaan tidak dikenal' });
export type DataSubjectRequestStatus = z.infer<typeof dataSubjectRequestStatusSchema>;

/** diterima → diproses → selesai/ditolak; a request may also be refused at once. */
export const dataSubjectRequestTransitions: Record<DataSubjectRequestStatus, readonly DataSubjectRequestStatus[]> = {
  diterima: ['diproses', 'ditolak'],
  diproses: ['selesai', 'ditolak'],
  selesai: [],
  ditolak: [],
};

/**
 * The plain status changes open to one request. An erasure request is closed as `selesai`
 * only through the erasure step (POST /data-subject-requests/:id/erasure), which records what
 * was erased and what was kept.
 */
export function requestTransitionsFor(kind: DataSubjectRequestKind, status: DataSubjectRequestStatus): readonly DataSubjectRequestStatus[] {
  const next = dataSubjectRequestTransitions[status];
  return kind === 'penghapusan' ? next.filter((to) => to !== 'selesai') : next;
}

// ---------------------------------------------------------------- erasure

/**
 * What an erasure may remove: data the programme collected on consent, which no law obliges
 * the village to keep. `persetujuan` ends the consents still in force (they are kept as a
 * record, marked withdrawn) so that the data is not simply collected again.
 */
export const erasureCategories = ['telepon', 'catatan_layanan', 'catatan_penempatan', 'pindaian_dokumen', 'persetujuan'] as const;
export const erasureCategorySchema = z.enum(erasureCategories, { message: 'Jenis data yang dihapus tidak dikenal' });
export type ErasureCategory = z.infer<typeof erasureCategorySchema>;

/** Indonesian names, as written into the answer to the requester (`statusReason`). */
export const erasureCategoryLabels: Record<ErasureCategory, string> = {
  telepon: 'nomor telepon',
  catatan_layanan: 'catatan kunjungan layanan',
  catatan_penempatan: 'catatan keberangkatan dan kepulangan',
  pindaian_dokumen: 'pindaian dokumen',
  persetujuan: 'persetujuan yang masih berlaku (ditarik)',
};

/** What stays, and why (the reasons are shown to the officer and written in the guide, chapter 18). */
export const retainedCategories = ['identitas', 'pencatatan_pmi', 'kasus', 'surat', 'catatan_kepatuhan'] as const;
export const retainedCategorySchema = z.enum(retainedCategories);
export type RetainedCategory = z.infer<typeof retainedCategorySchema>;
export const retainedCategoryLabels: Record<RetainedCategory, string> = {
  identitas: 'data kependudukan',
  pencatatan_pmi: 'pencatatan PMI',
  kasus: 'kasus',
  surat: 'surat',
  catatan_kepatuhan: 'dasar pemrosesan, permintaan subjek data dan jejak audit',
};

/** Per category, how many records were changed (or files removed). */
export const erasureItemSchema = z.object({ category: erasureCategorySchema, count: z.number().int() });
export type ErasureItem = z.infer<typeof erasureItemSchema>;

/** What an erasure did, kept with the request: categories and counts, never the erased content. */
export const erasureRecordSchema = z.object({
  categories: z.array(erasureCategorySchema),
  items: z.array(erasureItemSchema),
  filesRemoved: z.number().int(),
  erasedAt: z.string(),
  erasedByName: z.string().nullable(),
});
export type ErasureRecord = z.infer<typeof erasureRecordSchema>;

/** Before confirming: what the village holds that may be erased, and what it must keep. */
export const erasurePreviewSchema = z.object({
  requestId: uuidSchema,
  personId: uuidSchema,
  personName: z.string(),
  erasable: z.array(erasureItemSchema),
  /** `count` is null where a number would mean nothing (the identity record, the audit trail). */
  retained: z.array(z.object({ category: retainedCategorySchema, count: z.number().int().nullable() })),
});
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>;

export const eraseDataRequestSchema = z.object({
  categories: z
    .array(erasureCategorySchema)
    .max(erasureCategories.length)
    .refine((c) => new Set(c).size === c.length, { message: 'Setiap jenis data cukup dipilih sekali' }),
  /** Told to the requester with the list of what was erased; required when nothing is chosen. */
  note: optionalText(2000),
  version: versionSchema,
});
export type EraseDataRequest = z.infer<typeof eraseDataRequestSchema>;

export const dataSubjectRequestSchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  personId: uuidSchema,
  personName: z.string(),
  kind: dataSubjectRequestKindSchema,
  requesterName: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  status: dataSubjectRequestStatusSchema,
  statusReason: z.string().nullable(),
  notes: z.string().nullable(),
  handledByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  allowedTransitions: z.array(dataSubjectRequestStatusSchema),
  /** For an erasure request closed by erasing: what was erased. */
  erasure: erasureRecordSchema.nullable(),
  version: z.string(),
});
export type DataSubjectRequest = z.infer<typeof dataSubjectRequestSchema>;

export const createDataSubjectRequestSchema = z.object({
  id: uuidSchema.optional(),
  personId: uuidSchema,
  kind: dataSubjectRequestKindSchema,
  requesterName: z.string().trim().min(1, { message: 'Nama pemohon wajib diisi' }).max(150),
  /** When the request reached the village; defaults to now. Not in the future. */
  receivedAt: z.iso.datetime({ offset: true, message: 'Waktu diterima tidak valid' }).optional(),
  notes: optionalText(2000),
});
export type CreateDataSubjectRequest = z.infer<typeof createDataSubjectRequestSchema>;

export const dataSubjectRequestTransitionSchema = z.object({
  to: dataSubjectRequestStatusSchema,
  /** Required when refusing: the legal reason told to the requester. */
  reason: optionalText(2000),
  version: versionSchema,
});
export type DataSubjectRequestTransition = z.infer<typeof dataSubjectRequestTransitionSchema>;

export const listDataSubjectRequestsQuerySchema = pageQuerySchema.extend({
  status: dataSubjectRequestStatusSchema.optional(),
  personId: uuidSchema.optional(),
});
export const listDataSubjectRequestsResponseSchema = z.object({
  items: z.array(dataSubjectRequestSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- retention and consents

export const retentionRuleSchema = z.object({
  recordType: z.string(),
  label: z.string(),
  keepMonths: z.number().int(),
  legalBasis: z.string(),
  /** Purged by the application; otherwise the documented policy. */
  enforced: z.boolean(),
  updatedAt: z.string(),
  version: z.string(),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;
export const retentionRulesResponseSchema = z.object({ items: z.array(retentionRuleSchema) });

export const retentionRuleParamsSchema = z.object({ recordType: z.string().regex(/^[a-z_]{3,60}$/, { message: 'Jenis data tidak dikenal' }) });
export const updateRetentionRuleSchema = z.object({
  keepMonths: z.number().int({ message: 'Isi bilangan bulat' }).min(1, { message: 'Paling sedikit 1 bulan' }).max(1200, { message: 'Paling lama 1200 bulan' }),
  legalBasis: z.string().trim().min(10, { message: 'Tuliskan dasar hukumnya (paling sedikit 10 huruf)' }).max(1000),
  version: versionSchema,
});
export type UpdateRetentionRule = z.infer<typeof updateRetentionRuleSchema>;

export const retentionPurgeResponseSchema = z.object({
  recordType: z.literal('import_rejects'),
  keepMonths: z.number().int(),
  jobs: z.number().int(),
  rowsRemoved: z.number().int(),
});
export type RetentionPurgeResponse = z.infer<typeof retentionPurgeResponseSchema>;

export const expiredConsentSchema = z.object({
  consentId: uuidSchema,
  personId: uuidSchema,
  personName: z.string(),
  basis: z.string(),
  givenByName: z.string().nullable(),
  recordedAt: z.string(),
  expiresOn: z.string(),
  /** 'tanggal' = the recorded end date; 'dewasa' = a guardian's consent for a child who has turned 18. */
  reason: z.enum(['tanggal', 'dewasa']),
});
export type ExpiredConsent = z.infer<typeof expiredConsentSchema>;
export const expiredConsentsResponseSchema = z.object({ items: z.array(expiredConsentSchema) });

// ---------------------------------------------------------------- breach-response report

export const breachReportQuerySchema = z
  .object({
    userId: uuidSchema,
    from: isoDate('Tanggal awal'),
    to: isoDate('Tanggal akhir'),
  })
  .refine((q) => q.from <= q.to, { message: 'Tanggal akhir tidak boleh sebelum tanggal awal', path: ['to'] });
export type BreachReportQuery = z.infer<typeof breachReportQuerySchema>;

export const breachReportSchema = z.object({
  user: z.object({ id: uuidSchema, username: z.string(), fullName: z.string(), role: z.string(), scopeCode: z.string() }),
  from: z.string(),
  to: z.string(),
  totalEntries: z.number().int(),
  people: z.array(
    z.object({
      personId: uuidSchema,
      name: z.string(),
      villageCode: z.string(),
      reads: z.number().int(),
      writes: z.number().int(),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
  villages: z.array(z.object({ villageCode: z.string(), villageName: z.string().nullable(), people: z.number().int(), entries: z.number().int() })),
});
export type BreachReport = z.infer<typeof breachReportSchema>;
