import multipart from '@fastify/multipart';
import {
  errorResponseSchema,
  importJobParamsSchema,
  importJobSchema,
  listImportJobsQuerySchema,
  listImportJobsResponseSchema,
  listImportRejectsQuerySchema,
  listImportRejectsResponseSchema,
  peopleImportMaxBytes,
  villagePeopleParamsSchema,
} from '@desmigratif/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import type { AppContext } from '../../../platform/context.js';
import * as service from './service.js';
import { XLSX_CONTENT_TYPE } from './workbook-writer.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
/** Imports and exports carry full NIKs: the village's own officers and those above them. */
const importRoles = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'admin'] as const;
/**
 * The export carries full NIKs and No. KKs (a round trip needs them): only the roles that
 * see them in full on screen, and the operator's admin — never a coordinator, who sees them masked.
 */
const exportRoles = ['petugas_desa', 'kepala_desa', 'admin'] as const;
const xlsxResponse = {
  200: {
    description: 'Buku kerja Excel (.xlsx), lembar "Data Penduduk"',
    content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
  },
};

const tooLarge = () => new AppError(413, 'FILE_TOO_LARGE', `Berkas terlalu besar (maks. ${peopleImportMaxBytes / 1024 / 1024} MB)`);
// Room for the multipart boundaries and headers around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

/** The uploaded file of a multipart request (field "file"), within the size limit. */
async function receiveFile(request: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'MULTIPART_REQUIRED', 'Kirim berkas sebagai multipart/form-data pada kolom "file".');
  }
  // Refuse at once what is announced too large, before reading any of it.
  if (Number(request.headers['content-length'] ?? 0) > peopleImportMaxBytes + MULTIPART_OVERHEAD) throw tooLarge();
  try {
    const part = await request.file();
    if (!part) throw new AppError(400, 'FILE_MISSING', 'Pilih berkas Excel (.xlsx) atau CSV untuk diimpor.');
    const content = await part.toBuffer();
    return { name: cleanFileName(part.filename), content };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'UPLOAD_INVALID', 'Unggahan berkas tidak lengkap atau rusak. Coba unggah lagi.');
  }
}

function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return (base || 'berkas').slice(0, 200);
}

function sendDownload(reply: FastifyReply, file: { fileName: string; stream: Readable }) {
  const ascii = file.fileName.replace(/[^\w.-]/g, '_');
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

export const peopleImportRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  await app.register(multipart, { limits: { fileSize: peopleImportMaxBytes, files: 1, fields: 10, parts: 11 } });

  app.post(
    '/villages/:villageCode/people/imports',
    {
      config: { access: { roles: importRoles, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['penduduk'],
        summary: 'Impor data penduduk dari berkas OpenSID (.xlsx lembar "Data Penduduk", atau CSV)',
        description:
          'Kirim multipart/form-data dengan satu berkas pada kolom `file` (maks. 20 MB). Berkas diperiksa dulu ' +
          '(jenis, lembar, baris judul, ada data); barisnya ditulis di latar belakang. Pantau kemajuannya di ' +
          '`GET /people/imports/{id}`.',
        consumes: ['multipart/form-data'],
        params: villagePeopleParamsSchema,
        response: { 202: importJobSchema, 413: errorResponseSchema, 415: errorResponseSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request);
      const job = await service.queueImport(pool, app.jobs, request, request.params.villageCode, file);
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/villages/:villageCode/people/imports',
    {
      config: { access: { roles: importRoles, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['penduduk'],
        summary: 'Riwayat impor data penduduk desa',
        params: villagePeopleParamsSchema,
        querystring: listImportJobsQuerySchema,
        response: { 200: listImportJobsResponseSchema, ...errors },
      },
    },
    async (request) => service.listImports(pool, request.params.villageCode, request.query.page, request.query.pageSize),
  );

  app.get(
    '/people/imports/:id',
    {
      config: { access: { roles: importRoles, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Status, kemajuan dan hasil satu impor',
        params: importJobParamsSchema,
        response: { 200: importJobSchema, ...errors },
      },
    },
    async (request) => service.getImport(pool, request, request.params.id),
  );

  app.get(
    '/people/imports/:id/rejects',
    {
      config: { access: { roles: importRoles, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Baris yang ditolak pada satu impor: nomor baris, kolom dan alasannya',
        params: importJobParamsSchema,
        querystring: listImportRejectsQuerySchema,
        response: { 200: listImportRejectsResponseSchema, ...errors },
      },
    },
    async (request) => service.listRejects(pool, request, request.params.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/people/imports/:id/rejects.xlsx',
    {
      config: { access: { roles: importRoles, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Baris yang ditolak sebagai .xlsx (kolom yang sama + kolom alasan), untuk diperbaiki lalu diunggah ulang',
        params: importJobParamsSchema,
        response: { ...xlsxResponse, ...errors },
      },
    },
    async (request, reply) => sendDownload(reply, await service.rejectsWorkbook(pool, request, request.params.id)),
  );

  app.get(
    '/villages/:villageCode/people/export.xlsx',
    {
      config: { access: { roles: exportRoles, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['penduduk'],
        summary: 'Ekspor data penduduk desa dalam format OpenSID (lembar "Data Penduduk"); tercatat di jejak audit',
        params: villagePeopleParamsSchema,
        response: { ...xlsxResponse, ...errors },
      },
    },
    async (request, reply) => sendDownload(reply, await service.exportWorkbook(pool, request, request.params.villageCode)),
  );
};
