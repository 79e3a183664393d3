import type { Agency, AgencyLicenceStatus, CreateAgencyRequest, UpdateAgencyRequest } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import type { SessionUser } from '@desmigratif/contracts';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import * as repo from './agencies-repository.js';

/** A licence without an end date counts as valid; one that ended before today has expired. */
export function licenceStatusOf(row: Pick<repo.AgencyRow, 'licence_valid_until'>, today = todayInJakarta()): Exclude<AgencyLicenceStatus, 'unknown'> {
  return row.licence_valid_until && row.licence_valid_until < today ? 'expired' : 'licensed';
}

function toAgency(row: repo.AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    licenceNumber: row.licence_number,
    licenceValidUntil: row.licence_valid_until,
    address: row.address,
    branches: row.branches.map((b) => ({ name: b.name, address: b.address ?? null })),
    licenceStatus: licenceStatusOf(row),
    version: row.version,
  };
}

/**
 * "Cek agensi" for a plan: by licence number when one was given, else by name (any case).
 * Several agencies by one name: licensed when any of them still is.
 */
export async function lookupAgencyLicence(
  db: Queryable,
  agency: { licenceNumber?: string | null; name?: string | null },
  today = todayInJakarta(),
): Promise<AgencyLicenceStatus> {
  if (agency.licenceNumber?.trim()) {
    const row = await repo.findAgencyByLicence(db, agency.licenceNumber.trim());
    if (row) return licenceStatusOf(row, today);
  }
  if (agency.name?.trim()) {
    const rows = await repo.findAgenciesByName(db, agency.name);
    if (rows.length) return rows.some((r) => licenceStatusOf(r, today) === 'licensed') ? 'licensed' : 'expired';
  }
  return 'unknown';
}

const licenceTaken = () =>
  new AppError(409, 'LICENCE_TAKEN', 'Nomor izin ini sudah tercatat untuk P3MI lain.', [{ path: 'licenceNumber', message: 'Nomor izin sudah tercatat' }]);

export async function createAgency(pool: Pool, request: FastifyRequest, actor: SessionUser, input: CreateAgencyRequest): Promise<Agency> {
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    if (await repo.findAgency(tx, id)) return;
    if (await repo.findAgencyByLicence(tx, input.licenceNumber)) throw licenceTaken();
    const values = {
      id,
      name: input.name,
      licenceNumber: input.licenceNumber,
      licenceValidUntil: input.licenceValidUntil ?? null,
      address: input.address ?? null,
      branches: input.branches ?? [],
    };
    await repo.insertAgency(tx, { ...values, createdBy: actor.id });
    await recordAudit(tx, request, { action: 'create', entityType: 'placement_agency', entityId: id, regionCode: '', after: values });
  });
  return toAgency((await repo.findAgency(pool, id))!);
}

export async function updateAgency(pool: Pool, request: FastifyRequest, id: string, input: UpdateAgencyRequest): Promise<Agency> {
  await withTransaction(pool, async (tx) => {
    const current = await repo.findAgency(tx, id, true);
    if (!current) throw notFound('P3MI');
    if (current.version !== input.version) throw versionConflict();
    if (input.licenceNumber && input.licenceNumber.toUpperCase() !== current.licence_number.toUpperCase()) {
      if (await repo.findAgencyByLicence(tx, input.licenceNumber)) throw licenceTaken();
    }
    const next = {
      name: input.name ?? current.name,
      licenceNumber: input.licenceNumber ?? current.licence_number,
      licenceValidUntil: input.licenceValidUntil === undefined ? current.licence_valid_until : input.licenceValidUntil,
      address: input.address === undefined ? current.address : input.address,
      branches: input.branches ?? current.branches,
    };
    await repo.updateAgency(tx, id, next);
    const { version: _v, id: _id, ...before } = current;
    await recordAudit(tx, request, { action: 'update', entityType: 'placement_agency', entityId: id, regionCode: '', before, after: next });
  });
  return toAgency((await repo.findAgency(pool, id))!);
}

export async function listAgencies(pool: Pool, query: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await repo.listAgencies(pool, query);
  return { items: rows.map(toAgency), total, page: query.page, pageSize: query.pageSize };
}
