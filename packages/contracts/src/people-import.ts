import { z } from 'zod';
import { pageQuerySchema, uuidSchema } from './common.js';

/**
 * The columns of OpenSID's resident workbook (sheet "Data Penduduk"), in OpenSID's
 * order, plus Desmigratif's own `pekerja_migran`. Import matches them by name (any case,
 * any order); export writes them in this order.
 */
export const opensidPeopleColumns = [
  'alamat',
  'dusun',
  'rw',
  'rt',
  'nama',
  'no_kk',
  'nik',
  'sex',
  'tempatlahir',
  'tanggallahir',
  'agama_id',
  'pendidikan_kk_id',
  'pendidikan_sedang_id',
  'pekerjaan_id',
  'status_kawin',
  'kk_level',
  'warganegara_id',
  'ayah_nik',
  'nama_ayah',
  'ibu_nik',
  'nama_ibu',
  'golongan_darah_id',
  'akta_lahir',
  'dokumen_pasport',
  'tanggal_akhir_paspor',
  'dokumen_kitas',
  'akta_perkawinan',
  'tanggalperkawinan',
  'akta_perceraian',
  'tanggalperceraian',
  'cacat_id',
  'cara_kb_id',
  'hamil',
  'ktp_el',
  'status_rekam',
  'alamat_sekarang',
  'status_dasar',
  'suku',
  'tag_id_card',
  'id_asuransi',
  'no_asuransi',
  'lat',
  'lng',
] as const;

export const peopleImportColumns = [...opensidPeopleColumns, 'pekerja_migran'] as const;
export type PeopleImportColumn = (typeof peopleImportColumns)[number];

/** A sheet without these headers is refused as a whole. */
export const requiredPeopleImportColumns = ['nama', 'nik', 'sex', 'no_kk'] as const satisfies readonly PeopleImportColumn[];

/** The sheet OpenSID reads and writes. */
export const peopleImportSheetName = 'Data Penduduk';

/** Largest file accepted for import, also checked by the web before uploading. */
export const peopleImportMaxBytes = 20 * 1024 * 1024;

export const importJobStatuses = ['antri', 'berjalan', 'selesai', 'gagal'] as const;
export const importJobStatusSchema = z.enum(importJobStatuses);
export type ImportJobStatus = z.infer<typeof importJobStatusSchema>;
export const importJobStatusLabels: Record<ImportJobStatus, string> = {
  antri: 'Menunggu',
  berjalan: 'Sedang diproses',
  selesai: 'Selesai',
  gagal: 'Gagal',
};

export const importJobSchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  status: importJobStatusSchema,
  /** Data rows in the file; null until the job has counted them. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  rejectedCount: z.number().int(),
  errorMessage: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobParamsSchema = z.object({ id: uuidSchema });

export const listImportJobsQuerySchema = pageQuerySchema;
export const listImportJobsResponseSchema = z.object({
  items: z.array(importJobSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const importRejectProblemSchema = z.object({
  /** The header of the offending column, e.g. "nik"; null when the row as a whole is wrong. */
  column: z.string().nullable(),
  reason: z.string(),
});
export type ImportRejectProblem = z.infer<typeof importRejectProblemSchema>;

export const importRejectSchema = z.object({
  /** The row number as the spreadsheet program shows it (the header is usually row 1). */
  row: z.number().int(),
  /** The name written in the row, to help find it. */
  name: z.string().nullable(),
  problems: z.array(importRejectProblemSchema),
});
export type ImportReject = z.infer<typeof importRejectSchema>;

export const listImportRejectsQuerySchema = pageQuerySchema;
export const listImportRejectsResponseSchema = z.object({
  items: z.array(importRejectSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
