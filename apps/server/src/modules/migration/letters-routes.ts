import multipart from '@fastify/multipart';
import {
  documentScanParamsSchema,
  documentScanSchema,
  errorResponseSchema,
  familyPermissionQuerySchema,
  idParamsSchema,
  type LetterKind,
  letterTokenParamsSchema,
  letterVerificationSchema,
  planLettersResponseSchema,
  type Role,
  scanMaxBytes,
} from '@desmigratif/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as letters from './letters-service.js';
import { loadPlan } from './plans-service.js';
import { migrationReaders, migrationWriters } from './routes.js';
import * as scans from './scans.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
/**
 * Letters print the full NIK of the migrant and of the family member: only the village's
 * own officer and head (who sign them) and the operator's admin issue them — a coordinator
 * sees NIKs masked and may not take them home on paper.
 */
export const letterIssuers: readonly Role[] = ['petugas_desa', 'kepala_desa', 'admin'];

const pdfResponse = {
  200: { description: 'Surat (PDF) dengan kode QR verifikasi', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
};
const scanResponse = {
  200: {
    description: 'Pindaian dokumen (JPG, PNG, WEBP atau PDF)',
    content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }])),
  },
};
// Room for the multipart boundaries and headers around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

/** The uploaded file of a multipart request (field "file"), within the scan size limit. */
async function receiveScan(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'MULTIPART_REQUIRED', 'Kirim berkas sebagai multipart/form-data pada kolom "file".');
  // Refuse at once what is announced too large, before reading any of it.
  if (Number(request.headers['content-length'] ?? 0) > scanMaxBytes + MULTIPART_OVERHEAD) throw scans.scanTooLarge();
  try {
    const part = await request.file();
    if (!part) throw new AppError(400, 'FILE_MISSING', 'Pilih foto atau PDF dokumen untuk diunggah.');
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw scans.scanTooLarge();
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'UPLOAD_INVALID', 'Unggahan berkas tidak lengkap atau rusak. Coba unggah lagi.');
  }
}

function sendFile(reply: FastifyReply, file: { contentType: string; fileName: string; body: unknown }, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** The site's own address as the browser reached it, for the QR code's link. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Routes for document scans and letters (PDF with QR). */
export const letterRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool, settings }) => {
  await app.register(multipart, { limits: { fileSize: scanMaxBytes, files: 1, fields: 5, parts: 6 } });

  // ------------------------------------------------------------ document scans
  app.post(
    '/migration-plans/:id/documents/:kind/scan',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Unggah pindaian/foto satu dokumen rencana migrasi (menggantikan yang lama)',
        description: 'multipart/form-data, satu berkas pada kolom `file`: JPG, PNG, WEBP atau PDF (dikenali dari isinya), maks. 5 MB.',
        consumes: ['multipart/form-data'],
        params: documentScanParamsSchema,
        response: { 200: documentScanSchema, 413: errorResponseSchema, 415: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      // Scope first: an outsider's upload is refused before a byte of it is read.
      await loadPlan(pool, request, request.params.id);
      const content = await receiveScan(request);
      return scans.saveScan(pool, request, requireUser(request), settings.dataDir, request.params.id, request.params.kind, content);
    },
  );

  app.get(
    '/migration-plans/:id/documents/:kind/scan',
    {
      config: { access: { roles: migrationReaders, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Unduh pindaian satu dokumen rencana migrasi',
        params: documentScanParamsSchema,
        response: { ...scanResponse, ...errors },
      },
    },
    async (request, reply) => {
      const scan = await scans.openScan(pool, request, settings.dataDir, request.params.id, request.params.kind);
      return sendFile(reply, { contentType: scan.contentType, fileName: scan.fileName, body: scan.stream }, 'inline');
    },
  );

  // ------------------------------------------------------------ letters
  app.get(
    '/migration-plans/:id/letters',
    {
      config: { access: { roles: migrationReaders, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Surat yang sudah dibuat untuk rencana migrasi dan keluarga yang dapat memberi izin',
        params: idParamsSchema,
        response: { 200: planLettersResponseSchema, ...errors },
      },
    },
    async (request) => letters.planLetters(pool, request, request.params.id),
  );

  const issue = (request: FastifyRequest, reply: FastifyReply, planId: string, kind: LetterKind, familyMemberId?: string) =>
    letters
      .issueLetter(pool, request, requireUser(request), planId, kind, { familyMemberId, origin: originOf(request) })
      .then((letter) => sendFile(reply, { contentType: 'application/pdf', fileName: letter.fileName, body: letter.pdf }, 'attachment'));

  app.get(
    '/migration-plans/:id/letters/izin-keluarga.pdf',
    {
      config: { access: { roles: letterIssuers, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Buat surat izin keluarga (PDF, bernomor, dengan kode QR), diketahui kepala desa',
        description: 'Setiap permintaan menerbitkan surat baru dengan nomor berikutnya dan dicatat di log audit.',
        params: idParamsSchema,
        querystring: familyPermissionQuerySchema,
        response: { ...pdfResponse, ...errors },
      },
    },
    async (request, reply) => issue(request, reply, request.params.id, 'izin_keluarga', request.query.familyMemberId),
  );

  app.get(
    '/migration-plans/:id/letters/rekomendasi-desa.pdf',
    {
      config: { access: { roles: letterIssuers, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Buat surat rekomendasi desa (PDF, bernomor, dengan kode QR)',
        description: 'Setiap permintaan menerbitkan surat baru dengan nomor berikutnya dan dicatat di log audit.',
        params: idParamsSchema,
        response: { ...pdfResponse, ...errors },
      },
    },
    async (request, reply) => issue(request, reply, request.params.id, 'rekomendasi_desa'),
  );

  app.get(
    '/public/letters/:token',
    {
      config: { access: { roles: 'public', scope: 'none' } },
      schema: {
        tags: ['publik'],
        summary: 'Periksa keaslian surat desa dari kode QR-nya (tanpa NIK, nama disingkat)',
        params: letterTokenParamsSchema,
        response: { 200: letterVerificationSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => letters.verifyLetter(pool, request.params.token),
  );
};
