import {
  type CreateServiceRequest,
  type ListServicesQuery,
  type MigrationService,
  type ServiceType,
  type SessionUser,
  serviceTypes,
} from '@desmigratif/contracts';
import { type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import * as people from '../people/repository.js';
import * as repo from './services-repository.js';

function toService(row: repo.ServiceRow): MigrationService {
  return {
    id: row.id,
    villageCode: row.village_code,
    personId: row.person_id,
    name: row.person_name ?? row.visitor_name ?? '',
    registered: row.person_id !== null,
    serviceType: row.service_type as ServiceType,
    serviceDate: row.service_date,
    officerId: row.officer_id,
    officerName: row.officer_name,
    notes: row.notes,
    followUpDate: row.follow_up_date,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** Records one visit to the centre; a registered visitor must live in the same village. */
export async function createService(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  villageCode: string,
  input: CreateServiceRequest,
): Promise<MigrationService> {
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    const existing = await repo.findService(tx, id);
    if (existing) {
      // A retried request with the same id records nothing twice.
      if (existing.village_code !== villageCode) throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      return;
    }
    let visitorName = input.visitorName?.trim() || null;
    if (input.personId) {
      const person = await people.findPerson(tx, input.personId);
      if (!person || person.deleted_at || person.village_code !== villageCode) {
        throw validationFailed([{ path: 'personId', message: 'Penduduk tidak ditemukan di desa ini' }]);
      }
      visitorName = null;
    }
    const values = {
      id,
      villageCode,
      personId: input.personId ?? null,
      visitorName,
      serviceType: input.serviceType,
      serviceDate: input.serviceDate,
      officerId: actor.id,
      notes: input.notes ?? null,
      followUpDate: input.followUpDate ?? null,
    };
    await repo.insertService(tx, values);
    await recordAudit(tx, request, { action: 'create', entityType: 'migration_service', entityId: id, regionCode: villageCode, after: values });
  });
  const row = await repo.findService(pool, id);
  if (!row) throw notFound('Catatan layanan');
  return toService(row);
}

export async function listServices(pool: Pool, villageCode: string, query: ListServicesQuery) {
  const { rows, total } = await repo.listServices(pool, villageCode, query);
  return { items: rows.map(toService), total, page: query.page, pageSize: query.pageSize };
}

export async function summarizeServices(pool: Pool, villageCode: string, year: number) {
  const counts = await repo.countServicesByMonth(pool, villageCode, year);
  const months = Array.from({ length: 12 }, (_, i) => {
    const byType = Object.fromEntries(serviceTypes.map((type) => [type, 0])) as Record<ServiceType, number>;
    for (const c of counts) if (c.month === i + 1) byType[c.service_type as ServiceType] = c.n;
    const total = Object.values(byType).reduce((a, b) => a + b, 0);
    return { month: `${year}-${String(i + 1).padStart(2, '0')}`, total, byType };
  });
  return { villageCode, year, months, total: months.reduce((a, m) => a + m.total, 0) };
}
