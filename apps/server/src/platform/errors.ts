import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export type ErrorDetail = { path: string; message: string };

/** An error meant for the user: its message is Indonesian and safe to show. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  new AppError(403, 'FORBIDDEN', message);
export const outOfScope = () => new AppError(403, 'OUT_OF_SCOPE', 'Data ini berada di luar wilayah akses Anda.');
export const notFound = (what = 'Data') => new AppError(404, 'NOT_FOUND', `${what} tidak ditemukan.`);
export const validationFailed = (details: ErrorDetail[], message = 'Data yang dikirim belum benar.') =>
  new AppError(400, 'VALIDATION_FAILED', message, details);
export const versionConflict = () =>
  new AppError(
    409,
    'VERSION_CONFLICT',
    'Data ini sudah diubah orang lain sejak Anda membukanya. Lihat perubahan terbaru sebelum menyimpan lagi.',
  );

const pgConstraintMessages: Record<string, string> = {
  '23505': 'Data yang sama sudah ada.',
  '23503': 'Data yang dirujuk tidak ada.',
  '23514': 'Nilai tidak memenuhi aturan data.',
};

/**
 * Data exceptions PostgreSQL raises for a value the schemas let through: a NUL character in
 * text, a date before year 1 or past what a column holds, a number too big for its column.
 * They come from the request, not from a bug; the statement failed, so nothing of it was
 * written (withTransaction rolls back the rest of the write).
 */
const pgDataExceptions: Record<string, string> = {
  '22001': 'Teks terlalu panjang.',
  '22003': 'Angka di luar batas yang dapat disimpan.',
  '22007': 'Format tanggal atau waktu tidak dikenali.',
  '22008': 'Tanggal di luar rentang yang dapat disimpan.',
  '22021': 'Teks berisi karakter yang tidak diizinkan.',
  '22P02': 'Nilai tidak dapat dibaca.',
  '22P05': 'Teks berisi karakter yang tidak diizinkan.',
};

/**
 * Errors the router raises before any route runs (a broken percent-encoding, a path
 * parameter longer than the router allows). Passed to Fastify as `frameworkErrors`, so they
 * too get the one error shape instead of Fastify's default, which echoes the URL back.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  reply.status(tooLong ? 414 : 400).send({
    error: tooLong
      ? { code: 'URI_TOO_LONG', message: 'Alamat permintaan terlalu panjang.' }
      : { code: 'BAD_REQUEST', message: 'Alamat permintaan tidak valid.' },
  });
}

/** Installs the one JSON error shape `{ error: { code, message, details } }` for every failure. */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: ErrorDetail[] = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'Tidak valid',
      }));
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: 'Data yang dikirim belum benar.', details },
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && error.code?.startsWith('FST_ERR'))) {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'Isi permintaan bukan JSON yang benar.' } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Isi permintaan terlalu besar.' } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Jenis isi permintaan tidak didukung; kirim JSON.' } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.' } });
    }
    const pgMessage = error.code ? pgConstraintMessages[error.code] : undefined;
    if (pgMessage) {
      request.log.warn({ err: error }, 'constraint violation');
      return reply.status(409).send({ error: { code: 'CONSTRAINT_VIOLATION', message: pgMessage } });
    }
    const dataMessage = error.code ? pgDataExceptions[error.code] : undefined;
    if (dataMessage) {
      request.log.warn({ err: error }, 'value refused by the database');
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: dataMessage, details: [] } });
    }
    if (isResponseSerializationError(error)) request.log.error({ err: error, issues: error.cause }, 'response does not match schema');
    else request.log.error({ err: error }, 'unhandled error');
    // Never a stack trace or SQL in a response.
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: 'Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin.' },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && request.headers.accept?.includes('text/html');
    if (options.spaFallback && wantsPage) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `Alamat ${request.method} ${request.url.split('?')[0]} tidak ada.` } });
  });
}
