import fastifyCompress from '@fastify/compress';
import {
  errorResponseSchema,
  idParamsSchema,
  listSyncConflictsQuerySchema,
  listSyncConflictsResponseSchema,
  resolveSyncConflictRequestSchema,
  syncConflictSchema,
  syncPullQuerySchema,
  syncPullResponseSchema,
  syncPushRequestSchema,
  syncPushResponseSchema,
} from '@desmigratif/contracts';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import { migrationReaders, migrationWriters } from '../migration/routes.js';
import * as conflicts from './conflicts-service.js';
import * as pullService from './pull-service.js';
import * as pushService from './push-service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Who sends an offline outbox: the roles that may make every synced change online. */
export const syncWriters = migrationWriters;
/** Who pulls a village and reads its conflicts: the village's registry and migration readers. */
export const syncReaders = migrationReaders;

/** Offline sync: push, pull, conflicts (issue 5). */
export const syncRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  app.post(
    '/sync/push',
    {
      config: { access: { roles: syncWriters, scope: 'record' } },
      // 500 mutations of a whole form each stay well below this.
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['sinkronisasi'],
        summary: 'Kirim antrean perubahan dari ponsel (diterapkan berurutan, sekali saja, per perubahan satu transaksi)',
        body: syncPushRequestSchema,
        response: { 200: syncPushResponseSchema, 426: errorResponseSchema, ...errors },
      },
    },
    async (request) => pushService.push(pool, request, requireUser(request), request.body),
  );

  // The pull is the one large answer of the offline app: gzip it (encapsulated to this route).
  await app.register(async (scoped) => {
    const pullApp = scoped.withTypeProvider<ZodTypeProvider>();
    await pullApp.register(fastifyCompress, { encodings: ['gzip'], globalDecompression: false });
    pullApp.get(
      '/sync/pull',
      {
        config: { access: { roles: syncReaders, scope: 'record' } },
        schema: {
          tags: ['sinkronisasi'],
          summary: 'Tarik data desa yang berubah sejak penanda terakhir (baris dan penghapusan, per halaman)',
          querystring: syncPullQuerySchema,
          response: { 200: syncPullResponseSchema, ...errors },
        },
      },
      async (request) => pullService.pull(pool, request, requireUser(request), request.query),
    );
  });

  app.get(
    '/sync/conflicts',
    {
      config: { access: { roles: syncReaders, scope: 'filtered' } },
      schema: {
        tags: ['sinkronisasi'],
        summary: 'Daftar konflik sinkronisasi di wilayah Anda',
        querystring: listSyncConflictsQuerySchema,
        response: { 200: listSyncConflictsResponseSchema, ...errors },
      },
    },
    async (request) => conflicts.listConflicts(pool, request, request.query),
  );

  app.get(
    '/sync/conflicts/:id',
    {
      config: { access: { roles: syncReaders, scope: 'record' } },
      schema: {
        tags: ['sinkronisasi'],
        summary: 'Satu konflik sinkronisasi dengan nilai kedua pihak per isian',
        params: idParamsSchema,
        response: { 200: syncConflictSchema, ...errors },
      },
    },
    async (request) => conflicts.getConflict(pool, request, request.params.id),
  );

  app.post(
    '/sync/conflicts/:id/resolve',
    {
      config: { access: { roles: syncWriters, scope: 'record' } },
      schema: {
        tags: ['sinkronisasi'],
        summary: 'Selesaikan konflik: per isian pakai nilai yang dikirim atau pulihkan nilai yang tertimpa',
        params: idParamsSchema,
        body: resolveSyncConflictRequestSchema,
        response: { 200: syncConflictSchema, ...errors },
      },
    },
    async (request) => conflicts.resolveConflict(pool, request, requireUser(request), request.params.id, request.body),
  );
};
