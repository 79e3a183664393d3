import {
  errorResponseSchema,
  idParamsSchema,
  okSchema,
  regencyHomeQuerySchema,
  regencyHomeSchema,
  type Role,
  villageHomeSchema,
  villageParamsSchema,
} from '@desmigratif/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import * as home from './home-service.js';
import { migrationReaders, migrationWriters } from './routes.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Who watches a whole regency's centres: its coordinator, and the ministry or an admin naming one. */
const regencyWatchers: readonly Role[] = ['koordinator_kabupaten', 'kementerian', 'admin'];

/** Routes for the officer's and coordinator's home dashboards. */
export const homeRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  app.get(
    '/villages/:villageCode/home',
    {
      config: { access: { roles: migrationReaders, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['beranda'],
        summary: 'Beranda petugas: tindak lanjut hari ini, rencana yang kurang dokumen, tanda bahaya, kontrak berakhir, kasus terbuka',
        params: villageParamsSchema,
        response: { 200: villageHomeSchema, ...errors },
      },
    },
    async (request) => home.villageHome(pool, request.params.villageCode),
  );

  app.get(
    '/home/regency',
    {
      config: { access: { roles: regencyWatchers, scope: 'filtered' } },
      schema: {
        tags: ['beranda'],
        summary: 'Beranda koordinator: tanda bahaya dari desa, kasus yang dirujuk dan terlambat, ringkasan per desa',
        querystring: regencyHomeQuerySchema,
        response: { 200: regencyHomeSchema, ...errors },
      },
    },
    async (request) => home.regencyHome(pool, request, request.query.within),
  );

  app.post(
    '/services/:id/follow-up-done',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Tandai tindak lanjut sebuah layanan sudah dikerjakan',
        params: idParamsSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => home.markFollowUpDone(pool, request, requireUser(request), request.params.id),
  );
};
