import {
  caseDetailSchema,
  caseNoteRequestSchema,
  caseTransitionRequestSchema,
  createCaseRequestSchema,
  createPlacementRequestSchema,
  errorResponseSchema,
  exportCasesQuerySchema,
  exportPlacementsQuerySchema,
  idParamsSchema,
  listCasesQuerySchema,
  listCasesResponseSchema,
  listPlacementsQuerySchema,
  listPlacementsResponseSchema,
  listScopedCasesQuerySchema,
  personPlacementsResponseSchema,
  placementSchema,
  recordReturnRequestSchema,
  updatePlacementRequestSchema,
  villageParamsSchema,
} from '@desmigratif/contracts';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import type { AppContext } from '../../platform/context.js';
import * as cases from './cases-service.js';
import * as placements from './placements-service.js';
import { migrationReaders, migrationWriters } from './routes.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const inVillage = { param: 'villageCode' } as const;
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxResponse = (what: string) => ({
  200: { description: `Buku kerja Excel (.xlsx): ${what}`, content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
});

type Sheet = { fileName: string; sheetName: string; headers: readonly string[]; rows: Array<Array<string | null>> };

/** A small list (one village's or one regency's) as a one-sheet workbook, built in memory. */
async function sendWorkbook(reply: FastifyReply, sheet: Sheet) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.sheetName);
  ws.addRow([...sheet.headers]).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((column) => {
    column.width = 18;
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${sheet.fileName}"`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** Routes for departures, returns and cases. */
export const caseRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool }) => {
  // ------------------------------------------------------------ departures and returns
  app.post(
    '/people/:id/placements',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Catat keberangkatan ke luar negeri (status orang menjadi PMI sejak tanggal berangkat)',
        params: idParamsSchema,
        body: createPlacementRequestSchema,
        response: { 201: placementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await placements.createPlacement(pool, request, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/people/:id/placements',
    {
      config: { access: { roles: migrationReaders, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Riwayat penempatan dan kepulangan satu orang',
        params: idParamsSchema,
        response: { 200: personPlacementsResponseSchema, ...errors },
      },
    },
    async (request) => placements.listPersonPlacements(pool, request, request.params.id),
  );

  app.patch(
    '/placements/:id',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Ubah data keberangkatan (kirim version yang dimuat)',
        params: idParamsSchema,
        body: updatePlacementRequestSchema,
        response: { 200: placementSchema, ...errors },
      },
    },
    async (request) => placements.updatePlacement(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/placements/:id/return',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Catat kepulangan (status orang menjadi purna PMI sejak tanggal pulang)',
        params: idParamsSchema,
        body: recordReturnRequestSchema,
        response: { 200: placementSchema, ...errors },
      },
    },
    async (request) => placements.recordReturn(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/villages/:villageCode/placements',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Daftar PMI desa: sedang di luar negeri, sudah pulang, kontrak segera berakhir',
        params: villageParamsSchema,
        querystring: listPlacementsQuerySchema,
        response: { 200: listPlacementsResponseSchema, ...errors },
      },
    },
    async (request) => placements.listVillagePlacements(pool, request.params.villageCode, request.query),
  );

  app.get(
    '/villages/:villageCode/placements/export.xlsx',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['layanan migrasi'],
        summary: 'Ekspor daftar penempatan desa (xlsx, dengan filter yang sama); tercatat di jejak audit',
        params: villageParamsSchema,
        querystring: exportPlacementsQuerySchema,
        response: { ...xlsxResponse('lembar "Penempatan"'), ...errors },
      },
    },
    async (request, reply) => sendWorkbook(reply, await placements.exportVillagePlacements(pool, request, request.params.villageCode, request.query)),
  );

  // ------------------------------------------------------------ cases (kasus/pengaduan)
  app.post(
    '/villages/:villageCode/cases',
    {
      config: { access: { roles: migrationWriters, scope: inVillage } },
      schema: {
        tags: ['kasus'],
        summary: 'Catat kasus/pengaduan keluarga PMI',
        params: villageParamsSchema,
        body: createCaseRequestSchema,
        response: { 201: caseDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.createCase(pool, request, requireUser(request), request.params.villageCode, request.body)),
  );

  app.get(
    '/villages/:villageCode/cases',
    {
      config: { access: { roles: migrationReaders, scope: inVillage } },
      schema: {
        tags: ['kasus'],
        summary: 'Daftar kasus desa (yang lewat batas waktu dan dirujuk lebih dulu)',
        params: villageParamsSchema,
        querystring: listCasesQuerySchema,
        response: { 200: listCasesResponseSchema, ...errors },
      },
    },
    async (request) => cases.listVillageCases(pool, request.params.villageCode, request.query),
  );

  app.get(
    '/cases',
    {
      config: { access: { roles: migrationReaders, scope: 'filtered' } },
      schema: {
        tags: ['kasus'],
        summary: 'Daftar kasus di wilayah akses (koordinator: kabupatennya; kementerian: nasional)',
        querystring: listScopedCasesQuerySchema,
        response: { 200: listCasesResponseSchema, ...errors },
      },
    },
    async (request) => cases.listScopedCases(pool, request, request.query),
  );

  app.get(
    '/cases/export.xlsx',
    {
      config: { access: { roles: migrationReaders, scope: 'filtered' } },
      schema: {
        tags: ['kasus'],
        summary: 'Ekspor daftar kasus di wilayah akses (xlsx, dengan filter yang sama); tercatat di jejak audit',
        querystring: exportCasesQuerySchema,
        response: { ...xlsxResponse('lembar "Kasus"'), ...errors },
      },
    },
    async (request, reply) => sendWorkbook(reply, await cases.exportCases(pool, request, request.query)),
  );

  app.get(
    '/cases/:id',
    {
      config: { access: { roles: migrationReaders, scope: 'record' } },
      schema: {
        tags: ['kasus'],
        summary: 'Kasus dengan riwayat langkah, batas waktu dan langkah yang boleh diambil',
        params: idParamsSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => cases.getCase(pool, request, request.params.id),
  );

  app.post(
    '/cases/:id/transitions',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['kasus'],
        summary: 'Pindahkan status kasus (baru → ditangani desa → dirujuk ke kabupaten → selesai)',
        params: idParamsSchema,
        body: caseTransitionRequestSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => cases.transitionCase(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/notes',
    {
      config: { access: { roles: migrationWriters, scope: 'record' } },
      schema: {
        tags: ['kasus'],
        summary: 'Tambah catatan penanganan kasus',
        params: idParamsSchema,
        body: caseNoteRequestSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => cases.addNote(pool, request, requireUser(request), request.params.id, request.body.note),
  );
};
