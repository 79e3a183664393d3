import {
  agencySchema,
  createAgencyRequestSchema,
  createMigrationPlanRequestSchema,
  createServiceRequestSchema,
  errorResponseSchema,
  exportServicesQuerySchema,
  idParamsSchema,
  listAgenciesQuerySchema,
  listAgenciesResponseSchema,
  listMigrationPlansQuerySchema,
  listMigrationPlansResponseSchema,
  listServicesQuerySchema,
  listServicesResponseSchema,
  migrationPlanDetailSchema,
  planDocumentParamsSchema,
  putMigrationDocumentRequestSchema,
  type Role,
  serviceSchema,
  serviceSummaryQuerySchema,
  serviceSummaryResponseSchema,
  updateAgencyRequestSchema,
  updateMigrationPlanRequestSchema,
  villageParamsSchema,
} from '@desmigratif/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import * as agencies from './agencies-service.js';
import { exportPlans } from './plans-export.js';
import * as plans from './plans-service.js';
import { exportServices, XLSX_CONTENT_TYPE } from './services-export.js';
import * as services from './services-service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Who records at the centre: the village's officers and those above them acting for it. */
export const migrationWriters: readonly Role[] = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'admin'];
/** Who reads the centre's records (personal data): never mitra nor the cooperative's board. */
export const migrationReaders: readonly Role[] = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'kementerian', 'admin'];
/** Who keeps the national registry of licensed agencies. */
export const agencyKeepers: readonly Role[] = ['kementerian', 'admin', 'koordinator_kabupaten'];
const inVillage = { param: 'villageCode' } as const;
const xlsxResponse = {
  200: { description: 'Buku kerja Excel (.xlsx)', content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
};

function sendWorkbook(reply: FastifyReply, file: { fileName: string; content: Buffer }) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .send(file.content);
}

export const migrationRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  // ------------------------------------------------------------ service log
  app.post(
    '/villages/:villageCode/services',
    {
      config: { access: { roles: migrationWriters, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Catat satu kunjungan/layanan di pusat layanan migrasi desa',
        params: villageParamsSchema,
        body: createServiceRequestSchema,
        response: { 201: serviceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await services.createService(pool, request, requireUser(request), request.params.villageCode, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/villages/:villageCode/services',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Daftar layanan desa per bulan dan jenis layanan',
        params: villageParamsSchema,
        querystring: listServicesQuerySchema,
        response: { 200: listServicesResponseSchema, ...errors },
      },
    },
    async (request) => services.listServices(pool, request.params.villageCode, request.query),
  );

  app.get(
    '/villages/:villageCode/services/summary',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Jumlah layanan per bulan dan jenis layanan dalam satu tahun (laporan petugas)',
        params: villageParamsSchema,
        querystring: serviceSummaryQuerySchema,
        response: { 200: serviceSummaryResponseSchema, ...errors },
      },
    },
    async (request) => services.summarizeServices(pool, request.params.villageCode, request.query.year),
  );

  app.get(
    '/villages/:villageCode/services/export.xlsx',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Unduh daftar layanan desa sebagai .xlsx (filter bulan dan jenis layanan sama dengan daftar)',
        params: villageParamsSchema,
        querystring: exportServicesQuerySchema,
        response: { ...xlsxResponse, ...errors },
      },
    },
    async (request, reply) => sendWorkbook(reply, await exportServices(pool, request.params.villageCode, request.query)),
  );

  // ------------------------------------------------------------ licensed agencies (P3MI)
  app.get(
    '/agencies',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Daftar P3MI berizin (cari nama atau nomor izin)',
        querystring: listAgenciesQuerySchema,
        response: { 200: listAgenciesResponseSchema, ...errors },
      },
    },
    async (request) => agencies.listAgencies(pool, request.query),
  );

  app.post(
    '/agencies',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Catat P3MI berizin',
        body: createAgencyRequestSchema,
        response: { 201: agencySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await agencies.createAgency(pool, request, requireUser(request), request.body)),
  );

  app.patch(
    '/agencies/:id',
    {
      config: { access: { roles: agencyKeepers, scope: 'none' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Ubah data P3MI (kirim version yang dimuat)',
        params: idParamsSchema,
        body: updateAgencyRequestSchema,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) => agencies.updateAgency(pool, request, request.params.id, request.body),
  );

  // ------------------------------------------------------------ migration plans
  app.post(
    '/people/:id/migration-plans',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Buat rencana migrasi calon PMI (status orang menjadi calon PMI)',
        params: idParamsSchema,
        body: createMigrationPlanRequestSchema,
        response: { 201: migrationPlanDetailSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await plans.createPlan(pool, request, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/migration-plans/:id',
    {
      config: { access: { roles: migrationReaders, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Rencana migrasi dengan daftar dokumen, kesiapan dan tanda bahaya',
        params: idParamsSchema,
        response: { 200: migrationPlanDetailSchema, ...errors },
      },
    },
    async (request) => plans.getPlan(pool, request, request.params.id),
  );

  app.patch(
    '/migration-plans/:id',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Ubah rencana migrasi (kirim version yang dimuat)',
        params: idParamsSchema,
        body: updateMigrationPlanRequestSchema,
        response: { 200: migrationPlanDetailSchema, ...errors },
      },
    },
    async (request) => plans.updatePlan(pool, request, request.params.id, request.body),
  );

  app.put(
    '/migration-plans/:id/documents/:kind',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Catat status satu dokumen rencana migrasi',
        params: planDocumentParamsSchema,
        body: putMigrationDocumentRequestSchema,
        response: { 200: migrationPlanDetailSchema, ...errors },
      },
    },
    async (request) => plans.putDocument(pool, request, requireUser(request), request.params.id, request.params.kind, request.body),
  );

  app.get(
    '/villages/:villageCode/migration-plans',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Daftar rencana migrasi desa dengan kesiapan dan jumlah tanda bahaya',
        params: villageParamsSchema,
        querystring: listMigrationPlansQuerySchema,
        response: { 200: listMigrationPlansResponseSchema, ...errors },
      },
    },
    async (request) => plans.listPlans(pool, request.params.villageCode, request.query),
  );

  app.get(
    '/villages/:villageCode/migration-plans/export.xlsx',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Unduh daftar rencana migrasi desa sebagai .xlsx (filter sama dengan daftar)',
        params: villageParamsSchema,
        querystring: listMigrationPlansQuerySchema,
        response: { ...xlsxResponse, ...errors },
      },
    },
    async (request, reply) => sendWorkbook(reply, await exportPlans(pool, request.params.villageCode, request.query)),
  );
};
