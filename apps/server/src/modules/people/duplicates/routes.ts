import {
  dismissDuplicateRequestSchema,
  duplicateSuggestionsQuerySchema,
  duplicateSuggestionsResponseSchema,
  errorResponseSchema,
  listDuplicatesQuerySchema,
  listDuplicatesResponseSchema,
  mergeDuplicatesRequestSchema,
  mergeDuplicatesResponseSchema,
  okSchema,
  type Role,
  villagePeopleParamsSchema,
} from '@desmigratif/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestScope, requireUser } from '../../../platform/access-control.js';
import type { AppContext } from '../../../platform/context.js';
import { registryWriters } from '../routes.js';
import * as service from './service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
/** Who reviews the region's likely duplicates. */
// A village officer reviews the pairs of their own village (the list is scope-filtered).
const reviewers: readonly Role[] = ['petugas_desa', 'koordinator_kabupaten', 'kementerian', 'admin'];
/** Who merges or dismisses: a coordinator or admin in their region, a village officer inside the village. */
const resolvers: readonly Role[] = ['petugas_desa', 'koordinator_kabupaten', 'admin'];
/**
 * Asked on every (debounced) keystroke of the person form. The limit is per account: it
 * keeps the answer "this NIK is recorded in village X" from being harvested NIK by NIK.
 */
const SUGGESTIONS_PER_MINUTE = 120;

export const peopleDuplicateRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  app.get(
    '/villages/:villageCode/people/duplicate-suggestions',
    {
      config: {
        access: { roles: registryWriters, scope: { param: 'villageCode' } },
        rateLimit: {
          max: SUGGESTIONS_PER_MINUTE,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `duplicate-suggestions:${request.user?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ['penduduk'],
        summary: 'Kemungkinan data ganda saat mengetik penduduk baru (nama mirip di desa, NIK sama di mana pun)',
        params: villagePeopleParamsSchema,
        querystring: duplicateSuggestionsQuerySchema,
        response: { 200: duplicateSuggestionsResponseSchema, 429: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.suggestDuplicates(pool, requireUser(request), request.params.villageCode, request.query),
  );

  app.get(
    '/people/duplicates',
    {
      config: { access: { roles: reviewers, scope: 'filtered' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Pasangan data yang mungkin ganda di wilayah Anda, paling mungkin dahulu',
        querystring: listDuplicatesQuerySchema,
        response: { 200: listDuplicatesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { within, page, pageSize } = request.query;
      return service.listDuplicates(pool, requireUser(request), requestScope(request, within), page, pageSize);
    },
  );

  app.post(
    '/people/duplicates/merge',
    {
      config: { access: { roles: resolvers, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Gabungkan dua data orang yang sama; semua riwayat pindah ke data yang dipertahankan',
        body: mergeDuplicatesRequestSchema,
        response: { 200: mergeDuplicatesResponseSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.mergeDuplicates(pool, request, requireUser(request), request.body),
  );

  app.post(
    '/people/duplicates/dismiss',
    {
      config: { access: { roles: resolvers, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Tandai dua data sebagai bukan duplikat',
        body: dismissDuplicateRequestSchema,
        response: { 200: okSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.dismissDuplicate(pool, request, requireUser(request), request.body),
  );
};
