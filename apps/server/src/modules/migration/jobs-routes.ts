import multipart from '@fastify/multipart';
import {
  agencyCheckQuerySchema,
  agencyCheckResponseSchema,
  agencyImportMaxBytes,
  agencyImportResultSchema,
  createJobOrderRequestSchema,
  errorResponseSchema,
  idParamsSchema,
  jobOrderSchema,
  listJobOrdersQuerySchema,
  listJobOrdersResponseSchema,
  publicCentreParamsSchema,
  publicCentresQuerySchema,
  publicCentresResponseSchema,
  publicJobOrdersQuerySchema,
  publicJobOrdersResponseSchema,
  type Role,
  updateCentreRequestSchema,
  updateJobOrderRequestSchema,
  verifyJobOrderRequestSchema,
  villageCentreSchema,
  villageCentreWithVersionSchema,
  villageParamsSchema,
} from '@desmigratif/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_CONTENT_TYPE } from '../people/import/workbook-writer.js';
import { exportAgencies, importAgencies } from './agency-import.js';
import * as jobs from './jobs-service.js';
import * as publicPage from './public-service.js';
import { agencyKeepers } from './routes.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const publicErrors = { 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema };
const xlsxResponse = (what: string) => ({
  200: { description: `Buku kerja Excel (.xlsx): ${what}`, content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
});
/** Who keeps a village centre's address and hours: its own officers and those above them. */
const centreKeepers: readonly Role[] = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'kementerian', 'admin'];

/**
 * The public page is open to anyone: this many requests per minute per address and route. A village
 * hall or a mobile network may put many villagers behind one address, so it is generous;
 * it only stops a script from scraping or hammering the server.
 */
export const PUBLIC_RATE_LIMIT_PER_MINUTE = 120;
const publicAccess = {
  access: { roles: 'public', scope: 'none' },
  rateLimit: { max: PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `public:${request.ip}` },
} as const;

function sendXlsx(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(content);
}

const tooLarge = () => new AppError(413, 'FILE_TOO_LARGE', `Berkas terlalu besar (maks. ${agencyImportMaxBytes / 1024 / 1024} MB)`);

/** The one uploaded file (field "file") of a multipart request. */
async function receiveFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'MULTIPART_REQUIRED', 'Kirim berkas sebagai multipart/form-data pada kolom "file".');
  try {
    const part = await request.file();
    if (!part) throw new AppError(400, 'FILE_MISSING', 'Pilih berkas Excel (.xlsx) atau CSV untuk diimpor.');
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'UPLOAD_INVALID', 'Unggahan berkas tidak lengkap atau rusak. Coba unggah lagi.');
  }
}

/** Job information (lowongan), agencies from a spreadsheet, the village centre and the public page's API. */
export const jobRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  await app.register(multipart, { limits: { fileSize: agencyImportMaxBytes, files: 1, fields: 5, parts: 6 } });

  // ------------------------------------------------------------ job orders (national, no personal data)
  app.get(
    '/job-orders',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Daftar lowongan kerja luar negeri (saring negara, sektor, masih buka, terverifikasi)',
        querystring: listJobOrdersQuerySchema,
        response: { 200: listJobOrdersResponseSchema, ...errors },
      },
    },
    async (request) => jobs.listJobOrders(pool, request.query),
  );

  app.get(
    '/job-orders/export.xlsx',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Unduh daftar lowongan (dengan saringan yang sama) sebagai Excel',
        querystring: listJobOrdersQuerySchema.omit({ page: true, pageSize: true }),
        response: { ...xlsxResponse('lembar "Lowongan"'), ...errors },
      },
    },
    async (request, reply) => sendXlsx(reply, 'lowongan.xlsx', await jobs.exportJobOrders(pool, request.query)),
  );

  app.get(
    '/job-orders/:id',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Satu lowongan',
        params: idParamsSchema,
        response: { 200: jobOrderSchema, ...errors },
      },
    },
    async (request) => jobs.getJobOrder(pool, request.params.id),
  );

  app.post(
    '/job-orders',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Catat lowongan (job order) baru, belum terverifikasi',
        body: createJobOrderRequestSchema,
        response: { 201: jobOrderSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await jobs.createJobOrder(pool, request, requireUser(request), request.body)),
  );

  app.patch(
    '/job-orders/:id',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Ubah lowongan (kirim version yang dimuat); lowongan yang diubah perlu diverifikasi lagi',
        params: idParamsSchema,
        body: updateJobOrderRequestSchema,
        response: { 200: jobOrderSchema, ...errors },
      },
    },
    async (request) => jobs.updateJobOrder(pool, request, request.params.id, request.body),
  );

  app.post(
    '/job-orders/:id/verify',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['lowongan'],
        summary: 'Verifikasi lowongan: tampil di halaman publik selama masih buka',
        params: idParamsSchema,
        body: verifyJobOrderRequestSchema,
        response: { 200: jobOrderSchema, ...errors },
      },
    },
    async (request) => jobs.verifyJobOrder(pool, request, requireUser(request), request.params.id, request.body.version),
  );

  // ------------------------------------------------------------ agencies from and to a spreadsheet
  app.post(
    '/agencies/import',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Impor daftar P3MI berizin dari Excel (.xlsx) atau CSV',
        description:
          'Kirim multipart/form-data dengan satu berkas pada kolom `file` (maks. 5 MB), kolom: nama, nomor_izin, ' +
          'berlaku_sampai, alamat, cabang. Nomor izin menjadi kunci: impor ulang memperbarui, tidak menggandakan. ' +
          'Baris yang salah dilaporkan (baris, kolom, alasan); baris lain tetap diimpor.',
        consumes: ['multipart/form-data'],
        response: { 200: agencyImportResultSchema, 413: errorResponseSchema, 415: errorResponseSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request) => importAgencies(pool, request, requireUser(request), await receiveFile(request)),
  );

  app.get(
    '/agencies/export.xlsx',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Unduh daftar P3MI sebagai Excel (kolom sama dengan impor)',
        response: { ...xlsxResponse('lembar "P3MI"'), ...errors },
      },
    },
    async (_request, reply) => sendXlsx(reply, 'p3mi.xlsx', await exportAgencies(pool)),
  );

  // ------------------------------------------------------------ the village centre's address and hours
  app.patch(
    '/program/villages/:villageCode/centre',
    {
      config: { access: { roles: centreKeepers, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['program'],
        summary: 'Ubah alamat, jam buka dan telepon pusat layanan migrasi desa (tampil di halaman publik)',
        params: villageParamsSchema,
        body: updateCentreRequestSchema,
        response: { 200: villageCentreWithVersionSchema, ...errors },
      },
    },
    async (request) => publicPage.updateCentre(pool, request, request.params.villageCode, request.body),
  );

  // ------------------------------------------------------------ public page (no login)
  app.get(
    '/public/job-orders',
    {
      config: publicAccess,
      schema: {
        tags: ['publik'],
        summary: 'Lowongan terverifikasi yang masih buka (tanpa masuk)',
        querystring: publicJobOrdersQuerySchema,
        response: { 200: publicJobOrdersResponseSchema, ...publicErrors },
      },
    },
    async (request) => publicPage.listPublicJobOrders(pool, request.query),
  );

  app.get(
    '/public/agencies/check',
    {
      config: publicAccess,
      schema: {
        tags: ['publik'],
        summary: 'Cek agensi: apakah P3MI ini berizin? (nama atau nomor izin, tanpa masuk)',
        querystring: agencyCheckQuerySchema,
        response: { 200: agencyCheckResponseSchema, ...publicErrors },
      },
    },
    async (request) => publicPage.checkAgency(pool, request.query.q),
  );

  app.get(
    '/public/centres',
    {
      config: publicAccess,
      schema: {
        tags: ['publik'],
        summary: 'Pusat layanan migrasi Desa Migran Produktif (cari nama desa, tanpa masuk)',
        querystring: publicCentresQuerySchema,
        response: { 200: publicCentresResponseSchema, ...publicErrors },
      },
    },
    async (request) => publicPage.listPublicCentres(pool, request.query.q),
  );

  app.get(
    '/public/centres/:villageCode',
    {
      config: publicAccess,
      schema: {
        tags: ['publik'],
        summary: 'Alamat dan jam buka pusat layanan migrasi satu desa (tanpa masuk)',
        params: publicCentreParamsSchema,
        response: { 200: villageCentreSchema, ...publicErrors },
      },
    },
    async (request) => publicPage.getPublicCentre(pool, request.params.villageCode),
  );
};
