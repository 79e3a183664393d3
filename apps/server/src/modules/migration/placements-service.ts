import {
  type CreatePlacementRequest,
  destinationCountryName,
  type ListPlacementsQuery,
  type MigrantStatus,
  type Placement,
  type PlacementState,
  type RecordReturnRequest,
  type ReintegrationNeed,
  reintegrationNeedLabels,
  type ReturnReason,
  returnReasonLabels,
  type SessionUser,
  type UpdatePlacementRequest,
} from '@desmigratif/contracts';
import { contractEndsSoon, todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import * as people from '../people/repository.js';
import * as repo from './placements-repository.js';

/** A date as the officer writes it: 2026-03-05 → 05-03-2026. */
const formatDmy = (iso: string) => iso.split('-').reverse().join('-');

/** How many days before its end a contract shows as "ending soon" on the officer's list. */
export const CONTRACT_ENDING_DAYS = 60;

export function placementOf(row: repo.PlacementRow, today: string): Placement {
  return {
    id: row.id,
    villageCode: row.village_code,
    personId: row.person_id,
    personName: row.person_name,
    planId: row.plan_id,
    departureDate: row.departure_date,
    destinationCountry: row.destination_country,
    destinationName: destinationCountryName(row.destination_country),
    employer: row.employer,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    notes: row.notes,
    contractEndsSoon: row.return_date === null && row.contract_end !== null && contractEndsSoon(row.contract_end, today, CONTRACT_ENDING_DAYS),
    return: row.return_date
      ? {
          returnDate: row.return_date,
          reason: row.return_reason as ReturnReason,
          skillsGained: row.skills_gained,
          savingsPlan: row.savings_plan,
          reintegrationNeeds: row.reintegration_needs as ReintegrationNeed[],
          notes: row.return_notes,
        }
      : null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** Departures and returns are recorded once they happened: a date ahead would make the status change today. */
function assertNotFuture(date: string, path: string, what: string, today: string) {
  if (date > today) throw validationFailed([{ path, message: `${what} tidak boleh setelah hari ini (${formatDmy(today)}).` }]);
}

/**
 * Records the person's migrant status from `date` through the registry's own repository.
 * A status is the latest by effective date, so when a later event already exists (the
 * plan made them calon PMI today, the departure is recorded for last week) the new status
 * takes that later date instead and the note keeps the real one — else it would never
 * become the current status.
 */
async function recordStatus(
  tx: Queryable,
  p: { personId: string; villageCode: string; status: MigrantStatus; date: string; note: string; actorId: string },
) {
  const [latest] = await people.listStatusEvents(tx, p.personId);
  const effectiveDate = latest && latest.effective_date > p.date ? latest.effective_date : p.date;
  await people.insertStatusEvent(tx, {
    id: uuidv7(),
    personId: p.personId,
    villageCode: p.villageCode,
    status: p.status,
    effectiveDate,
    note: p.note,
    recordedBy: p.actorId,
  });
  await people.refreshMigrantStatus(tx, p.personId);
}

/** The agency's name from the registry when it is a licensed one, else the name typed. */
async function agencyValues(tx: Queryable, input: { agencyId?: string | null; agencyName?: string | null }): Promise<repo.PlacementValues> {
  if (input.agencyId) {
    const name = await repo.findAgencyName(tx, input.agencyId);
    if (!name) throw validationFailed([{ path: 'agencyId', message: 'P3MI tidak ada dalam daftar agensi berizin.' }]);
    return { agencyId: input.agencyId, agencyName: name };
  }
  const values: repo.PlacementValues = {};
  if (input.agencyId === null) values.agencyId = null;
  if (input.agencyName !== undefined) values.agencyName = input.agencyName || null;
  return values;
}

async function loadPlacement(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const row = await repo.findPlacement(db, id, forUpdate);
  if (!row || row.deleted_at) throw notFound('Data penempatan');
  assertInScope(request, row.village_code);
  return row;
}

/**
 * A departure abroad. The person becomes PMI from the departure date and the plan they
 * left under (if named) is marked `berangkat`, in the same transaction.
 */
export async function createPlacement(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  personId: string,
  input: CreatePlacementRequest,
): Promise<Placement> {
  const id = input.id ?? uuidv7();
  const today = todayInJakarta();
  await withTransaction(pool, async (tx) => {
    const person = await people.findPerson(tx, personId, true);
    if (!person || person.deleted_at || person.merged_into) throw notFound('Data orang');
    assertInScope(request, person.village_code);
    const existing = await repo.findPlacement(tx, id);
    if (existing) {
      if (existing.person_id !== personId) throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      return;
    }
    assertNotFuture(input.departureDate, 'departureDate', 'Tanggal berangkat', today);
    const abroad = await repo.findOpenPlacement(tx, personId);
    if (abroad) {
      throw new AppError(
        409,
        'STILL_ABROAD',
        `${person.name} masih tercatat di ${destinationCountryName(abroad.destination_country)} sejak ${formatDmy(abroad.departure_date)}. Catat kepulangannya dulu.`,
      );
    }
    const planId = input.planId ?? null;
    if (planId) {
      const before = await repo.markPlanDeparted(tx, planId, personId);
      if (before === undefined) throw validationFailed([{ path: 'planId', message: 'Rencana migrasi ini bukan milik orang ini.' }]);
      if (before === 'batal') throw validationFailed([{ path: 'planId', message: 'Rencana migrasi ini sudah dibatalkan.' }]);
      if (before !== 'berangkat') {
        await recordAudit(tx, request, { action: 'update', entityType: 'migration_plan', entityId: planId, regionCode: person.village_code, before: { status: before }, after: { status: 'berangkat' } });
      }
    }
    const values: repo.PlacementValues = {
      departureDate: input.departureDate,
      destinationCountry: input.destinationCountry,
      employer: input.employer ?? null,
      contractStart: input.contractStart ?? null,
      contractEnd: input.contractEnd ?? null,
      notes: input.notes ?? null,
      ...(await agencyValues(tx, input)),
    };
    await repo.insertPlacement(tx, { id, villageCode: person.village_code, personId, planId, createdBy: actor.id, values });
    await recordStatus(tx, {
      personId,
      villageCode: person.village_code,
      status: 'pmi',
      date: input.departureDate,
      note: `Berangkat ke ${destinationCountryName(input.destinationCountry)} pada ${formatDmy(input.departureDate)}`,
      actorId: actor.id,
    });
    await recordAudit(tx, request, { action: 'create', entityType: 'migration_placement', entityId: id, regionCode: person.village_code, after: { id, personId, planId, ...values } });
  });
  return placementOf(await loadPlacement(pool, request, id), today);
}

/** Corrects a departure. A corrected departure date is a new status event: the history is never rewritten. */
export async function updatePlacement(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: UpdatePlacementRequest,
): Promise<Placement> {
  const today = todayInJakarta();
  await withTransaction(pool, async (tx) => {
    const current = await loadPlacement(tx, request, id, true);
    if (input.version !== current.version) throw versionConflict();
    const { version: _version, agencyId, agencyName, ...fields } = input;
    const values: repo.PlacementValues = { ...fields, ...(agencyId !== undefined || agencyName !== undefined ? await agencyValues(tx, { agencyId, agencyName }) : {}) };
    const currentValues: Record<string, string | null> = {
      departureDate: current.departure_date,
      destinationCountry: current.destination_country,
      employer: current.employer,
      agencyId: current.agency_id,
      agencyName: current.agency_name,
      contractStart: current.contract_start,
      contractEnd: current.contract_end,
      notes: current.notes,
    };
    const before: Record<string, unknown> = {};
    const after: repo.PlacementValues = {};
    for (const [field, value] of Object.entries(values) as Array<[repo.PlacementField, string | null | undefined]>) {
      if (value === undefined || currentValues[field] === (value ?? null)) continue;
      before[field] = currentValues[field];
      after[field] = value ?? null;
    }
    if (!Object.keys(after).length) return;
    const start = after.contractStart !== undefined ? after.contractStart : current.contract_start;
    const end = after.contractEnd !== undefined ? after.contractEnd : current.contract_end;
    if (start && end && start > end) throw validationFailed([{ path: 'contractEnd', message: 'Akhir kontrak tidak boleh sebelum mulai kontrak' }]);
    if (after.departureDate) {
      assertNotFuture(after.departureDate, 'departureDate', 'Tanggal berangkat', today);
      if (current.return_date && after.departureDate > current.return_date) {
        throw validationFailed([{ path: 'departureDate', message: `Tanggal berangkat tidak boleh setelah tanggal pulang (${formatDmy(current.return_date)}).` }]);
      }
    }
    await repo.updatePlacement(tx, id, after);
    if (after.departureDate && !current.return_date) {
      await recordStatus(tx, {
        personId: current.person_id,
        villageCode: current.village_code,
        status: 'pmi',
        date: after.departureDate,
        note: `Tanggal berangkat dikoreksi menjadi ${formatDmy(after.departureDate)} (semula ${formatDmy(current.departure_date)})`,
        actorId: actor.id,
      });
    }
    await recordAudit(tx, request, { action: 'update', entityType: 'migration_placement', entityId: id, regionCode: current.village_code, before, after });
  });
  return placementOf(await loadPlacement(pool, request, id), today);
}

/** The return home (purna PMI): the person becomes purna PMI from the return date. */
export async function recordReturn(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: RecordReturnRequest,
): Promise<Placement> {
  const today = todayInJakarta();
  await withTransaction(pool, async (tx) => {
    const current = await loadPlacement(tx, request, id, true);
    if (input.version !== current.version) throw versionConflict();
    if (current.return_date) {
      throw new AppError(409, 'ALREADY_RETURNED', `Kepulangan sudah dicatat pada ${formatDmy(current.return_date)}.`);
    }
    assertNotFuture(input.returnDate, 'returnDate', 'Tanggal pulang', today);
    if (input.returnDate < current.departure_date) {
      throw validationFailed([{ path: 'returnDate', message: `Tanggal pulang tidak boleh sebelum tanggal berangkat (${formatDmy(current.departure_date)}).` }]);
    }
    const values = {
      returnDate: input.returnDate,
      reason: input.reason,
      skillsGained: input.skillsGained ?? null,
      savingsPlan: input.savingsPlan ?? null,
      reintegrationNeeds: [...new Set(input.reintegrationNeeds)],
      notes: input.notes ?? null,
    };
    await repo.recordReturn(tx, id, { ...values, recordedBy: actor.id });
    await recordStatus(tx, {
      personId: current.person_id,
      villageCode: current.village_code,
      status: 'purna_pmi',
      date: input.returnDate,
      note: `Pulang dari ${destinationCountryName(current.destination_country)} pada ${formatDmy(input.returnDate)} (${returnReasonLabels[input.reason]})`,
      actorId: actor.id,
    });
    await recordAudit(tx, request, { action: 'record_return', entityType: 'migration_placement', entityId: id, regionCode: current.village_code, before: { returnDate: null }, after: values });
  });
  return placementOf(await loadPlacement(pool, request, id), today);
}

export async function listPersonPlacements(pool: Pool, request: FastifyRequest, personId: string): Promise<{ items: Placement[] }> {
  const person = await people.findPerson(pool, personId);
  if (!person || person.deleted_at) throw notFound('Data orang');
  assertInScope(request, person.village_code);
  const today = todayInJakarta();
  return { items: (await repo.listPersonPlacements(pool, personId)).map((row) => placementOf(row, today)) };
}

async function villagePlacements(pool: Pool, villageCode: string, query: { state?: PlacementState; country?: string }): Promise<Placement[]> {
  const today = todayInJakarta();
  const returned = query.state === 'returned' ? true : query.state ? false : undefined;
  const items = (await repo.listVillagePlacements(pool, villageCode, { returned, country: query.country })).map((row) => placementOf(row, today));
  return query.state === 'ending_soon' ? items.filter((i) => i.contractEndsSoon) : items;
}

/** The officer's list: who is abroad, who came back, whose contract ends within 60 days. */
export async function listVillagePlacements(pool: Pool, villageCode: string, query: ListPlacementsQuery) {
  const items = await villagePlacements(pool, villageCode, query);
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
}

export const placementExportHeaders = [
  'Nama', 'Negara tujuan', 'Tanggal berangkat', 'Pemberi kerja', 'P3MI', 'Mulai kontrak', 'Akhir kontrak',
  'Kontrak segera berakhir', 'Tanggal pulang', 'Alasan pulang', 'Keterampilan yang diperoleh', 'Rencana tabungan/remitansi',
  'Kebutuhan reintegrasi', 'Catatan',
] as const;

/** The village list as spreadsheet rows, with the same filters; the export is audited. */
export async function exportVillagePlacements(pool: Pool, request: FastifyRequest, villageCode: string, query: { state?: PlacementState; country?: string }) {
  const items = await villagePlacements(pool, villageCode, query);
  await recordAudit(pool, request, { action: 'export', entityType: 'placements_export', entityId: villageCode, regionCode: villageCode, after: { format: 'xlsx', filter: query, rows: items.length } });
  const rows = items.map((p) => [
    p.personName,
    p.destinationName,
    formatDmy(p.departureDate),
    p.employer,
    p.agencyName,
    p.contractStart && formatDmy(p.contractStart),
    p.contractEnd && formatDmy(p.contractEnd),
    p.contractEndsSoon ? 'Ya' : 'Tidak',
    p.return && formatDmy(p.return.returnDate),
    p.return && returnReasonLabels[p.return.reason],
    p.return?.skillsGained ?? null,
    p.return?.savingsPlan ?? null,
    p.return ? p.return.reintegrationNeeds.map((n) => reintegrationNeedLabels[n]).join(', ') : null,
    [p.notes, p.return?.notes].filter(Boolean).join(' / ') || null,
  ]);
  return { fileName: `penempatan-${villageCode}.xlsx`, sheetName: 'Penempatan', headers: placementExportHeaders, rows };
}
