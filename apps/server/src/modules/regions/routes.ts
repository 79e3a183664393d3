import {
  enrollVillageRequestSchema,
  errorResponseSchema,
  listProgramVillagesQuerySchema,
  listProgramVillagesResponseSchema,
  programSummaryResponseSchema,
  programVillageSchema,
  regionCodeParamsSchema,
  regionCodeSchema,
  regionDetailResponseSchema,
  regionListResponseSchema,
  searchRegionsQuerySchema,
  setTargetRequestSchema,
  targetSchema,
  updateVillageRequestSchema,
  villageCodeParamsSchema,
  yearParamsSchema,
} from '@desmigratif/contracts';
import { rolesWithPersonalData } from '@desmigratif/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertInScope, requestScope, requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as service from './program-service.js';
import * as regions from './repository.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const programWriters = ['admin', 'kementerian', 'koordinator_kabupaten'] as const;
const targetWriters = ['admin', 'kementerian'] as const;

export const regionRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  app.get(
    '/regions',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: { tags: ['wilayah'], summary: 'Daftar provinsi', response: { 200: regionListResponseSchema, ...errors } },
    },
    async () => ({ items: await regions.listChildren(pool, null) }),
  );

  app.get(
    '/regions/search',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['wilayah'],
        summary: 'Cari wilayah Kemendagri menurut nama',
        querystring: searchRegionsQuerySchema,
        response: { 200: regionListResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { q, ...rest } = request.query;
      return { items: await regions.searchRegions(pool, { text: q, ...rest }) };
    },
  );

  app.get(
    '/regions/:code',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['wilayah'],
        summary: 'Satu wilayah dan wilayah di bawahnya',
        params: regionCodeParamsSchema,
        response: { 200: regionDetailResponseSchema, ...errors },
      },
    },
    async (request) => {
      const region = await regions.findRegion(pool, request.params.code);
      if (!region) throw notFound('Wilayah');
      return { region, children: await regions.listChildren(pool, region.code) };
    },
  );

  app.get(
    '/program/villages',
    {
      config: { access: { roles: rolesWithPersonalData, scope: 'filtered' } },
      schema: {
        tags: ['program'],
        summary: 'Desa Migran Produktif dalam wilayah Anda',
        querystring: listProgramVillagesQuerySchema,
        response: { 200: listProgramVillagesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { within, ...filter } = request.query;
      const result = await service.listVillages(pool, requestScope(request, within), filter);
      return { ...result, page: filter.page, pageSize: filter.pageSize };
    },
  );

  app.post(
    '/program/villages',
    {
      config: { access: { roles: programWriters, scope: 'record' } },
      schema: {
        tags: ['program'],
        summary: 'Daftarkan desa ke program Desmigratif',
        body: enrollVillageRequestSchema,
        response: { 201: programVillageSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      assertInScope(request, request.body.villageCode);
      const village = await service.enrollVillage(pool, request, requireUser(request), request.body);
      return reply.status(201).send(village);
    },
  );

  app.get(
    '/program/villages/:villageCode',
    {
      config: { access: { roles: rolesWithPersonalData, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['program'],
        summary: 'Satu Desa Migran Produktif',
        params: villageCodeParamsSchema,
        response: { 200: programVillageSchema, ...errors },
      },
    },
    async (request) => service.getVillage(pool, request.params.villageCode),
  );

  app.patch(
    '/program/villages/:villageCode',
    {
      config: { access: { roles: programWriters, scope: { param: 'villageCode' } } },
      schema: {
        tags: ['program'],
        summary: 'Ubah data Desa Migran Produktif (kirim version yang dimuat)',
        params: villageCodeParamsSchema,
        body: updateVillageRequestSchema,
        response: { 200: programVillageSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) => service.updateVillage(pool, request, requireUser(request), request.params.villageCode, request.body),
  );

  app.get(
    '/program/summary',
    {
      config: { access: { roles: 'authenticated', scope: 'filtered' } },
      schema: {
        tags: ['program'],
        summary: 'Ringkasan desa per angkatan terhadap target (agregat, tanpa data pribadi)',
        querystring: z.object({ within: regionCodeSchema.optional() }),
        response: { 200: programSummaryResponseSchema, ...errors },
      },
    },
    async (request) => service.programSummary(pool, requestScope(request, request.query.within)),
  );

  app.get(
    '/program/targets',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['program'],
        summary: 'Target nasional desa baru per tahun',
        response: { 200: z.object({ items: z.array(targetSchema) }), ...errors },
      },
    },
    async () => ({ items: await service.listTargets(pool) }),
  );

  app.put(
    '/program/targets/:year',
    {
      config: { access: { roles: targetWriters, scope: 'none' } },
      schema: {
        tags: ['program'],
        summary: 'Tetapkan target desa baru untuk satu tahun',
        params: yearParamsSchema,
        body: setTargetRequestSchema,
        response: { 200: targetSchema, ...errors },
      },
    },
    async (request) => service.setTarget(pool, request, requireUser(request), request.params.year, request.body.target),
  );
};
