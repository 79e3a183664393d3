import {
  accessLogQuerySchema,
  accessLogResponseSchema,
  breachReportQuerySchema,
  breachReportSchema,
  createDataSubjectRequestSchema,
  dataSubjectRequestSchema,
  dataSubjectRequestTransitionSchema,
  eraseDataRequestSchema,
  erasurePreviewSchema,
  errorResponseSchema,
  expiredConsentsResponseSchema,
  idParamsSchema,
  listDataSubjectRequestsQuerySchema,
  listDataSubjectRequestsResponseSchema,
  retentionPurgeResponseSchema,
  retentionRuleParamsSchema,
  retentionRuleSchema,
  retentionRulesResponseSchema,
  type Role,
  updateRetentionRuleSchema,
  villageParamsSchema,
} from '@desmigratif/contracts';
import { rolesWithPersonalData } from '@desmigratif/domain';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { registryWriters } from '../people/routes.js';
import * as service from './service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const inVillage = { param: 'villageCode' } as const;
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxResponse = (what: string) => ({
  200: { description: `Buku kerja Excel (.xlsx): ${what}`, content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
});

/** "Who looked at this person's data": the regency coordinator, the admin and the village head. */
export const accessLogReaders: readonly Role[] = ['koordinator_kabupaten', 'admin', 'kepala_desa'];
/** Who receives and answers data-subject requests: the village and those who act for it. */
export const requestHandlers = registryWriters;
/** National privacy administration (retention rules, breach response). */
const privacyAdmins: readonly Role[] = ['admin'];

/** Retention rules and breach reports are national: an admin limited to a region may not use them. */
function requireNationalAdmin(request: FastifyRequest) {
  if (requireUser(request).scopeCode !== '') throw forbidden('Hanya admin tingkat nasional yang dapat melakukan ini.');
}

const record = z.record(z.string(), z.unknown());
const records = z.array(record);
/** Rows as stored (column names in snake_case), without bookkeeping columns. */
const dataExportSchema = z.object({
  generatedAt: z.string(),
  identityNumbersMasked: z.boolean(),
  person: record,
  statusHistory: records,
  family: record.nullable(),
  familyCards: records,
  links: records,
  consents: records,
  services: records,
  plans: records,
  documents: records,
  scans: records,
  placements: records,
  cases: records,
  caseEvents: records,
  letters: records,
  dataSubjectRequests: records,
});

async function sendWorkbook(reply: FastifyReply, fileName: string, sheets: service.Sheet[]) {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    // An empty part (no cases, say) has no columns at all.
    for (const column of ws.columns ?? []) column.width = 22;
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** Personal-data protection (UU 27/2022): access log, data-subject requests, retention, breach response. */
export const privacyRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool, settings }) => {
  // ------------------------------------------------------------ who looked at this person's data
  app.get(
    '/people/:id/access-log',
    {
      config: { access: { roles: accessLogReaders, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Siapa yang melihat atau mengubah data orang ini (dari jejak audit)',
        params: idParamsSchema,
        querystring: accessLogQuerySchema,
        response: { 200: accessLogResponseSchema, ...errors },
      },
    },
    async (request) => service.accessLog(pool, request, request.params.id, request.query),
  );

  // ------------------------------------------------------------ the person's data (access request)
  app.get(
    '/people/:id/data-export.json',
    {
      config: { access: { roles: requestHandlers, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Seluruh data satu orang (JSON) untuk diserahkan atas permintaan akses; tercatat di jejak audit',
        params: idParamsSchema,
        response: { 200: dataExportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const data = await service.personData(pool, request, requireUser(request), request.params.id, 'json');
      return reply.header('content-disposition', `attachment; filename="data-pribadi-${request.params.id}.json"`).header('cache-control', 'no-store').send(data);
    },
  );

  app.get(
    '/people/:id/data-export.xlsx',
    {
      config: { access: { roles: requestHandlers, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Seluruh data satu orang (xlsx) untuk diserahkan atas permintaan akses; tercatat di jejak audit',
        params: idParamsSchema,
        response: { ...xlsxResponse('satu lembar per bagian data'), ...errors },
      },
    },
    async (request, reply) => {
      const data = await service.personData(pool, request, requireUser(request), request.params.id, 'xlsx');
      return sendWorkbook(reply, `data-pribadi-${request.params.id}.xlsx`, service.personDataSheets(data));
    },
  );

  // ------------------------------------------------------------ data-subject requests
  app.post(
    '/villages/:villageCode/data-subject-requests',
    {
      config: { access: { roles: requestHandlers, scope: inVillage } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Catat permintaan subjek data (akses, koreksi, pembatasan, penghapusan, keberatan) dengan tenggatnya',
        params: villageParamsSchema,
        body: createDataSubjectRequestSchema,
        response: { 201: dataSubjectRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createRequest(pool, request, requireUser(request), request.params.villageCode, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/villages/:villageCode/data-subject-requests',
    {
      config: { access: { roles: requestHandlers, scope: inVillage } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Daftar permintaan subjek data desa (yang masih terbuka dan paling mendesak di atas)',
        params: villageParamsSchema,
        querystring: listDataSubjectRequestsQuerySchema,
        response: { 200: listDataSubjectRequestsResponseSchema, ...errors },
      },
    },
    async (request) => service.listRequests(pool, request.params.villageCode, request.query),
  );

  app.post(
    '/data-subject-requests/:id/transitions',
    {
      config: { access: { roles: requestHandlers, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Ubah status permintaan subjek data (diterima → diproses → selesai/ditolak dengan alasan)',
        params: idParamsSchema,
        body: dataSubjectRequestTransitionSchema,
        response: { 200: dataSubjectRequestSchema, ...errors },
      },
    },
    async (request) => service.transitionRequest(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/data-subject-requests/:id/erasure-preview',
    {
      config: { access: { roles: requestHandlers, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Permintaan penghapusan: data yang dapat dihapus (berapa catatan) dan yang wajib disimpan menurut undang-undang',
        params: idParamsSchema,
        response: { 200: erasurePreviewSchema, ...errors },
      },
    },
    async (request) => service.erasurePreview(pool, request, request.params.id),
  );

  app.post(
    '/data-subject-requests/:id/erasure',
    {
      config: { access: { roles: requestHandlers, scope: 'record' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Selesaikan permintaan penghapusan: hapus data yang dipilih dalam satu transaksi (berkas pindaian ikut dihapus) dan tutup permintaannya',
        params: idParamsSchema,
        body: eraseDataRequestSchema,
        response: { 200: dataSubjectRequestSchema, ...errors, 503: errorResponseSchema },
      },
    },
    async (request) => service.eraseForRequest(pool, request, requireUser(request), settings.dataDir, request.params.id, request.body),
  );

  app.get(
    '/villages/:villageCode/expired-consents',
    {
      config: { access: { roles: requestHandlers, scope: inVillage } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Persetujuan yang sudah berakhir (lewat tanggal, atau persetujuan wali untuk anak yang kini dewasa)',
        params: villageParamsSchema,
        response: { 200: expiredConsentsResponseSchema, ...errors },
      },
    },
    async (request) => service.expiredConsents(pool, request.params.villageCode),
  );

  // ------------------------------------------------------------ retention rules
  app.get(
    '/privacy/retention-rules',
    {
      // National policy text, no one's data; every role that handles personal data may read it.
      config: { access: { roles: rolesWithPersonalData, scope: 'none' } },
      schema: { tags: ['pelindungan data'], summary: 'Aturan masa simpan (retensi) per jenis data', response: { 200: retentionRulesResponseSchema, ...errors } },
    },
    async () => service.listRetentionRules(pool),
  );

  app.put(
    '/privacy/retention-rules/:recordType',
    {
      config: { access: { roles: privacyAdmins, scope: 'none' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Ubah masa simpan dan dasar hukum satu jenis data (admin nasional)',
        params: retentionRuleParamsSchema,
        body: updateRetentionRuleSchema,
        response: { 200: retentionRuleSchema, ...errors },
      },
    },
    async (request) => {
      requireNationalAdmin(request);
      return service.updateRetentionRule(pool, request, requireUser(request), request.params.recordType, request.body);
    },
  );

  app.post(
    '/privacy/retention-rules/import-rejects/purge',
    {
      config: { access: { roles: privacyAdmins, scope: 'none' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Hapus baris impor yang ditolak (berisi NIK mentah) yang melewati masa simpan',
        response: { 200: retentionPurgeResponseSchema, ...errors },
      },
    },
    async (request) => {
      requireNationalAdmin(request);
      return service.purgeExpiredImportRejects(pool, request);
    },
  );

  // ------------------------------------------------------------ breach-response aid
  app.get(
    '/privacy/breach-report',
    {
      config: { access: { roles: privacyAdmins, scope: 'none' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Data siapa saja yang disentuh satu akun dalam rentang waktu (bantuan tanggap kebocoran)',
        querystring: breachReportQuerySchema,
        response: { 200: breachReportSchema, ...errors },
      },
    },
    async (request) => {
      requireNationalAdmin(request);
      return service.breachReport(pool, request, request.query);
    },
  );

  app.get(
    '/privacy/breach-report.xlsx',
    {
      config: { access: { roles: privacyAdmins, scope: 'none' } },
      schema: {
        tags: ['pelindungan data'],
        summary: 'Laporan tanggap kebocoran (xlsx): orang dan desa yang datanya disentuh akun itu',
        querystring: breachReportQuerySchema,
        response: { ...xlsxResponse('lembar "Orang", "Desa" dan "Keterangan"'), ...errors },
      },
    },
    async (request, reply) => {
      requireNationalAdmin(request);
      const report = await service.breachReport(pool, request, request.query);
      return sendWorkbook(reply, `tanggap-kebocoran-${report.user.username}-${report.from}-${report.to}.xlsx`, service.breachSheets(report));
    },
  );
};
