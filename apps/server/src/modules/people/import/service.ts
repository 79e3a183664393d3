import { type ImportJob, peopleImportColumns } from '@desmigratif/contracts';
import type { Pool } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope, requireUser } from '../../../platform/access-control.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { JobRunner } from '../../../platform/jobs.js';
import { detectFileFormat, ImportFileError } from './file-format.js';
import * as repo from './repository.js';
import { scanSheet } from './sheet-reader.js';
import { exportRows, rejectHeaders, rejectRows, streamWorkbook } from './workbook-writer.js';

/** Not an .xlsx or CSV at all (415), or a workbook whose sheet cannot be imported (422). */
function refuse(error: ImportFileError): AppError {
  const wrongType = error.code.startsWith('FILE_IS_') || error.code === 'FILE_TYPE_UNSUPPORTED' || error.code === 'FILE_EMPTY';
  return new AppError(wrongType ? 415 : 422, error.code, error.message);
}

async function assertVillage(pool: Pool, villageCode: string): Promise<void> {
  if (!(await repo.isVillage(pool, villageCode))) throw notFound('Desa');
}

/**
 * Checks the file as the import will read it — type by its first bytes, the sheet, the
 * header row, at least one data row — then queues it. The officer hears about a wrong
 * file at once; the rows are written in the background.
 */
export async function queueImport(
  pool: Pool,
  jobs: JobRunner,
  request: FastifyRequest,
  villageCode: string,
  file: { name: string; content: Buffer },
): Promise<ImportJob> {
  await assertVillage(pool, villageCode);
  let dataRows: number;
  try {
    ({ dataRows } = await scanSheet(file.content, detectFileFormat(file.content)));
  } catch (error) {
    if (error instanceof ImportFileError) throw refuse(error);
    throw error;
  }
  const id = uuidv7();
  await repo.insertJob(pool, {
    id,
    villageCode,
    fileName: file.name,
    fileSize: file.content.length,
    fileContent: file.content,
    totalRows: dataRows,
    createdBy: requireUser(request).id,
  });
  jobs.wake();
  return (await repo.findJob(pool, id))!;
}

export async function listImports(pool: Pool, villageCode: string, page: number, pageSize: number) {
  return { ...(await repo.listJobs(pool, villageCode, page, pageSize)), page, pageSize };
}

/** A job, if the user's scope covers its village (404 first: an unknown id tells nothing). */
export async function getImport(pool: Pool, request: FastifyRequest, id: string): Promise<ImportJob> {
  const job = await repo.findJob(pool, id);
  if (!job) throw notFound('Impor');
  assertInScope(request, job.villageCode);
  return job;
}

export async function listRejects(pool: Pool, request: FastifyRequest, id: string, page: number, pageSize: number) {
  await getImport(pool, request, id);
  return { ...(await repo.listRejects(pool, id, page, pageSize)), page, pageSize };
}

export async function rejectsWorkbook(pool: Pool, request: FastifyRequest, id: string): Promise<{ fileName: string; stream: Readable }> {
  const job = await getImport(pool, request, id);
  const base = job.fileName.replace(/\.(xlsx|csv)$/i, '');
  return { fileName: `${base}-ditolak.xlsx`, stream: streamWorkbook(rejectHeaders, rejectRows(repo.allRejects(pool, id))) };
}

/**
 * The village's registry in OpenSID's layout. It carries full NIKs, so every export is
 * written to the audit log with who took it.
 */
export async function exportWorkbook(pool: Pool, request: FastifyRequest, villageCode: string): Promise<{ fileName: string; stream: Readable }> {
  await assertVillage(pool, villageCode);
  const { rows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM people WHERE village_code = $1 AND deleted_at IS NULL AND merged_into IS NULL',
    [villageCode],
  );
  await recordAudit(pool, request, {
    action: 'export',
    entityType: 'people_export',
    entityId: villageCode,
    regionCode: villageCode,
    after: { format: 'xlsx', people: rows[0]?.n ?? 0 },
  });
  return { fileName: `data-penduduk-${villageCode}.xlsx`, stream: streamWorkbook(peopleImportColumns, exportRows(registryOf(pool, villageCode))) };
}

async function* registryOf(pool: Pool, villageCode: string) {
  const client = await pool.connect();
  try {
    yield* repo.exportPeople(client, villageCode);
  } finally {
    client.release();
  }
}
