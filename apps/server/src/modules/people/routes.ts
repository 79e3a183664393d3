import {
  createFamilyLinkRequestSchema,
  createFamilyRequestSchema,
  createPersonRequestSchema,
  errorResponseSchema,
  familySchema,
  listFamiliesQuerySchema,
  listFamiliesResponseSchema,
  listPeopleQuerySchema,
  listPeopleResponseSchema,
  personDetailSchema,
  personParamsSchema,
  recordConsentRequestSchema,
  recordMigrantStatusRequestSchema,
  type Role,
  updateFamilyRequestSchema,
  updatePersonRequestSchema,
  uuidSchema,
  villagePeopleParamsSchema,
} from '@desmigratif/contracts';
import { rolesWithPersonalData } from '@desmigratif/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import * as familyService from './families-service.js';
import * as service from './service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Who records residents: the village's own officers and those above them who act for it. */
export const registryWriters: readonly Role[] = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'admin'];
const readers = rolesWithPersonalData;
const inVillage = { param: 'villageCode' } as const;

export const peopleRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  app.get(
    '/villages/:villageCode/people',
    {
      config: { access: { roles: readers, scope: inVillage } },
      schema: {
        tags: ['penduduk'],
        summary: 'Daftar penduduk desa dengan filter dan pencarian nama atau NIK',
        params: villagePeopleParamsSchema,
        querystring: listPeopleQuerySchema,
        response: { 200: listPeopleResponseSchema, ...errors },
      },
    },
    async (request) => service.listPeople(pool, requireUser(request), request.params.villageCode, request.query),
  );

  app.post(
    '/villages/:villageCode/people',
    {
      config: { access: { roles: registryWriters, scope: inVillage } },
      schema: {
        tags: ['penduduk'],
        summary: 'Catat penduduk baru (NIK sementara diperbolehkan)',
        params: villagePeopleParamsSchema,
        body: createPersonRequestSchema,
        response: { 201: personDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const person = await service.createPerson(pool, request, requireUser(request), request.params.villageCode, request.body);
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/people/:id',
    {
      config: { access: { roles: readers, scope: 'record' } },
      schema: { tags: ['penduduk'], summary: 'Data lengkap satu orang', params: personParamsSchema, response: { 200: personDetailSchema, ...errors } },
    },
    async (request) => service.getPerson(pool, request, requireUser(request), request.params.id),
  );

  app.patch(
    '/people/:id',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Ubah data orang (kirim version yang dimuat)',
        params: personParamsSchema,
        body: updatePersonRequestSchema,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.updatePerson(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/people/:id/migrant-status',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Catat perubahan status pekerja migran (peristiwa bertanggal)',
        params: personParamsSchema,
        body: recordMigrantStatusRequestSchema,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.recordMigrantStatus(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/people/:id/consents',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Catat dasar pemrosesan data (kewajiban hukum atau persetujuan)',
        params: personParamsSchema,
        body: recordConsentRequestSchema,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.recordConsent(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/people/:id/consents/:consentId/withdraw',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Catat penarikan persetujuan',
        params: personParamsSchema.extend({ consentId: uuidSchema }),
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.withdrawConsent(pool, request, requireUser(request), request.params.id, request.params.consentId),
  );

  app.post(
    '/people/:id/links',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Hubungkan pekerja migran dengan keluarga yang ditinggal',
        params: personParamsSchema,
        body: createFamilyLinkRequestSchema,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.addFamilyLink(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/people/:id/links/:linkId',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Hapus hubungan keluarga',
        params: personParamsSchema.extend({ linkId: uuidSchema }),
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => service.removeFamilyLink(pool, request, requireUser(request), request.params.id, request.params.linkId),
  );

  app.get(
    '/villages/:villageCode/families',
    {
      config: { access: { roles: readers, scope: inVillage } },
      schema: {
        tags: ['penduduk'],
        summary: 'Daftar keluarga desa, cari nama anggota atau No. KK',
        params: villagePeopleParamsSchema,
        querystring: listFamiliesQuerySchema,
        response: { 200: listFamiliesResponseSchema, ...errors },
      },
    },
    async (request) => familyService.listFamilies(pool, requireUser(request), request.params.villageCode, request.query),
  );

  app.post(
    '/villages/:villageCode/families',
    {
      config: { access: { roles: registryWriters, scope: inVillage } },
      schema: {
        tags: ['penduduk'],
        summary: 'Catat keluarga (No. KK) baru',
        params: villagePeopleParamsSchema,
        body: createFamilyRequestSchema,
        response: { 201: familySchema, ...errors },
      },
    },
    async (request, reply) => {
      const family = await familyService.createFamily(pool, request, requireUser(request), request.params.villageCode, request.body);
      return reply.status(201).send(family);
    },
  );

  app.get(
    '/families/:id',
    {
      config: { access: { roles: readers, scope: 'record' } },
      schema: { tags: ['penduduk'], summary: 'Satu keluarga dengan anggota dan riwayat No. KK', params: z.object({ id: uuidSchema }), response: { 200: familySchema, ...errors } },
    },
    async (request) => familyService.getFamily(pool, request, requireUser(request), request.params.id),
  );

  app.patch(
    '/families/:id',
    {
      config: { access: { roles: registryWriters, scope: 'record' } },
      schema: {
        tags: ['penduduk'],
        summary: 'Ubah keluarga; No. KK baru dicatat bertanggal, yang lama disimpan',
        params: z.object({ id: uuidSchema }),
        body: updateFamilyRequestSchema,
        response: { 200: familySchema, ...errors },
      },
    },
    async (request) => familyService.updateFamily(pool, request, requireUser(request), request.params.id, request.body),
  );
};
