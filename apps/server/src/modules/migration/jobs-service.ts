import {
  type CreateJobOrderRequest,
  destinationCountryName,
  type JobOrder,
  type ListJobOrdersQuery,
  placementSchemeLabels,
  sectorLabels,
  type SessionUser,
  type UpdateJobOrderRequest,
} from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import { licenceStatusOf } from './agencies-service.js';
import * as repo from './jobs-repository.js';

export function toJobOrder(row: repo.JobOrderRow, today = todayInJakarta()): JobOrder {
  return {
    id: row.id,
    country: row.country,
    countryName: destinationCountryName(row.country),
    occupation: row.occupation,
    sector: row.sector,
    scheme: row.scheme,
    agency:
      row.agency_id && row.agency_name && row.agency_licence_number
        ? {
            id: row.agency_id,
            name: row.agency_name,
            licenceNumber: row.agency_licence_number,
            licenceValidUntil: row.agency_licence_valid_until,
            licenceStatus: licenceStatusOf({ licence_valid_until: row.agency_licence_valid_until }, today),
          }
        : null,
    quota: row.quota,
    salaryAmount: row.salary_amount === null ? null : Number(row.salary_amount),
    salaryCurrency: row.salary_currency,
    closingDate: row.closing_date,
    referenceNumber: row.reference_number,
    description: row.description,
    requirements: row.requirements,
    verified: row.verified_at !== null,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    open: row.closing_date === null || row.closing_date >= today,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** The audited values of a row: what a keeper typed, without ids of who or when. */
function valuesOf(row: repo.JobOrderRow): repo.JobOrderValues {
  return {
    country: row.country,
    occupation: row.occupation,
    sector: row.sector,
    scheme: row.scheme,
    agencyId: row.agency_id,
    quota: row.quota,
    salaryAmount: row.salary_amount === null ? null : Number(row.salary_amount),
    salaryCurrency: row.salary_currency,
    closingDate: row.closing_date,
    referenceNumber: row.reference_number,
    description: row.description,
    requirements: row.requirements,
  };
}

/** A placement through a licensed company names its agency; the salary comes with its currency. */
async function checkValues(db: Queryable, v: repo.JobOrderValues): Promise<void> {
  const problems: Array<{ path: string; message: string }> = [];
  if (v.scheme === 'p_to_p' && !v.agencyId) problems.push({ path: 'agencyId', message: 'Skema P to P harus melalui P3MI berizin: pilih agensinya' });
  if (v.agencyId && !(await repo.agencyExists(db, v.agencyId))) problems.push({ path: 'agencyId', message: 'P3MI tidak ditemukan di daftar' });
  if ((v.salaryAmount === null) !== (v.salaryCurrency === null)) {
    problems.push({ path: 'salaryCurrency', message: 'Isi jumlah gaji bersama mata uangnya (contoh 4990 HKD)' });
  }
  if (problems.length) throw validationFailed(problems);
}

export async function createJobOrder(pool: Pool, request: FastifyRequest, actor: SessionUser, input: CreateJobOrderRequest): Promise<JobOrder> {
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    // A retried create with the same id returns the first one.
    if (await repo.findJobOrder(tx, id)) return;
    const values: repo.JobOrderValues = {
      country: input.country,
      occupation: input.occupation,
      sector: input.sector,
      scheme: input.scheme,
      agencyId: input.agencyId ?? null,
      quota: input.quota ?? null,
      salaryAmount: input.salaryAmount ?? null,
      salaryCurrency: input.salaryCurrency ?? null,
      closingDate: input.closingDate ?? null,
      referenceNumber: input.referenceNumber || null,
      description: input.description || null,
      requirements: input.requirements || null,
    };
    await checkValues(tx, values);
    await repo.insertJobOrder(tx, id, values, actor.id);
    await recordAudit(tx, request, { action: 'create', entityType: 'job_order', entityId: id, regionCode: '', after: values });
  });
  return toJobOrder((await repo.findJobOrder(pool, id))!);
}

const pick = <T>(next: T | undefined, current: T): T => (next === undefined ? current : next);

export async function updateJobOrder(pool: Pool, request: FastifyRequest, id: string, input: UpdateJobOrderRequest): Promise<JobOrder> {
  await withTransaction(pool, async (tx) => {
    const current = await repo.findJobOrder(tx, id, true);
    if (!current) throw notFound('Lowongan');
    if (current.version !== input.version) throw versionConflict();
    const before = valuesOf(current);
    const next: repo.JobOrderValues = {
      country: pick(input.country, before.country),
      occupation: pick(input.occupation, before.occupation),
      sector: pick(input.sector, before.sector),
      scheme: pick(input.scheme, before.scheme),
      agencyId: pick(input.agencyId, before.agencyId),
      quota: pick(input.quota, before.quota),
      salaryAmount: pick(input.salaryAmount, before.salaryAmount),
      salaryCurrency: pick(input.salaryCurrency, before.salaryCurrency),
      closingDate: pick(input.closingDate, before.closingDate),
      referenceNumber: pick(input.referenceNumber, before.referenceNumber) || null,
      description: pick(input.description, before.description) || null,
      requirements: pick(input.requirements, before.requirements) || null,
    };
    await checkValues(tx, next);
    await repo.updateJobOrder(tx, id, next);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'job_order',
      entityId: id,
      regionCode: '',
      before: { ...before, verified: current.verified_at !== null },
      after: { ...next, verified: false },
    });
  });
  return toJobOrder((await repo.findJobOrder(pool, id))!);
}

/** The keeper confirms the job order with the agency or the ministry; it then shows on the public page. */
export async function verifyJobOrder(pool: Pool, request: FastifyRequest, actor: SessionUser, id: string, version: string): Promise<JobOrder> {
  await withTransaction(pool, async (tx) => {
    const current = await repo.findJobOrder(tx, id, true);
    if (!current) throw notFound('Lowongan');
    if (current.version !== version) throw versionConflict();
    if (current.verified_at) throw new AppError(409, 'ALREADY_VERIFIED', 'Lowongan ini sudah diverifikasi.');
    await repo.markVerified(tx, id, actor.id);
    await recordAudit(tx, request, {
      action: 'verify',
      entityType: 'job_order',
      entityId: id,
      regionCode: '',
      before: { verified: false },
      after: { verified: true },
    });
  });
  return toJobOrder((await repo.findJobOrder(pool, id))!);
}

export async function getJobOrder(pool: Pool, id: string): Promise<JobOrder> {
  const row = await repo.findJobOrder(pool, id);
  if (!row) throw notFound('Lowongan');
  return toJobOrder(row);
}

function filterOf(query: Omit<ListJobOrdersQuery, 'page' | 'pageSize'>): repo.JobOrderFilter {
  return {
    country: query.country,
    sector: query.sector,
    openOn: query.openOnly ? todayInJakarta() : undefined,
    verified: query.verified,
    q: query.q,
  };
}

export async function listJobOrders(pool: Pool, query: ListJobOrdersQuery) {
  const { rows, total } = await repo.listJobOrders(pool, { ...filterOf(query), page: query.page, pageSize: query.pageSize });
  const today = todayInJakarta();
  return { items: rows.map((r) => toJobOrder(r, today)), total, page: query.page, pageSize: query.pageSize };
}

export const jobOrderSheetHeaders = [
  'negara',
  'jabatan',
  'sektor',
  'skema',
  'p3mi',
  'nomor_izin_p3mi',
  'kuota',
  'gaji',
  'mata_uang',
  'tutup',
  'nomor_job_order',
  'terverifikasi',
  'keterangan',
  'persyaratan',
] as const;

/** The filtered job orders as an xlsx workbook, one row each, labels in Indonesian. */
export async function exportJobOrders(pool: Pool, query: Omit<ListJobOrdersQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const rows = await repo.allJobOrders(pool, filterOf(query));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lowongan');
  sheet.addRow([...jobOrderSheetHeaders]);
  for (const r of rows) {
    sheet.addRow([
      destinationCountryName(r.country),
      r.occupation,
      sectorLabels[r.sector],
      placementSchemeLabels[r.scheme],
      r.agency_name,
      r.agency_licence_number,
      r.quota,
      r.salary_amount === null ? null : Number(r.salary_amount),
      r.salary_currency,
      r.closing_date,
      r.reference_number,
      r.verified_at ? 'ya' : 'belum',
      r.description,
      r.requirements,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
