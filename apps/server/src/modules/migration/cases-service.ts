import {
  type Case,
  type CaseDetail,
  type CaseStatus,
  caseStatusLabels,
  type CaseTransitionRequest,
  type CaseType,
  caseTypeLabels,
  type CreateCaseRequest,
  destinationCountryName,
  type ListCasesQuery,
  type ReporterRelation,
  reporterRelationLabels,
  type SessionUser,
} from '@desmigratif/contracts';
import { caseDeadline, caseTransitionNeedsNote, caseTransitionRefusal, caseTransitionsFor, isCaseOverdue } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope, requestScope, requireUser } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, forbidden, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import * as people from '../people/repository.js';
import * as repo from './cases-repository.js';
import { migrationWriters } from './routes.js';

function caseOf(row: repo.CaseRow, now: Date): Case {
  const status = row.status;
  const deadline = caseDeadline(status, row.status_since);
  return {
    id: row.id,
    villageCode: row.village_code,
    villageName: row.village_name,
    migrantPersonId: row.migrant_person_id,
    migrantName: row.migrant_name,
    reporterPersonId: row.reporter_person_id,
    reporterName: row.reporter_name,
    reporterRelation: row.reporter_relation as ReporterRelation | null,
    reporterPhone: row.reporter_phone,
    caseType: row.case_type as CaseType,
    description: row.description,
    incidentCountry: row.incident_country,
    status,
    statusSince: row.status_since.toISOString(),
    dueAt: deadline?.toISOString() ?? null,
    overdue: isCaseOverdue(status, row.status_since, now),
    openedAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    version: row.version,
  };
}

async function loadCase(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const row = await repo.findCase(db, id, forUpdate);
  if (!row || row.deleted_at) throw notFound('Kasus');
  assertInScope(request, row.village_code);
  return row;
}

/** A resident named on a case must be a live record of the case's village. */
async function residentOf(db: Queryable, personId: string, villageCode: string, path: string, who: string) {
  const person = await people.findPerson(db, personId);
  if (!person || person.deleted_at || person.merged_into || person.village_code !== villageCode) {
    throw validationFailed([{ path, message: `${who} harus penduduk terdaftar di desa ini.` }]);
  }
  return person;
}

/** A complaint raised by the family: it starts `baru`, with its opening as the first step of the timeline. */
export async function createCase(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  villageCode: string,
  input: CreateCaseRequest,
): Promise<CaseDetail> {
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    const existing = await repo.findCase(tx, id);
    if (existing) {
      if (existing.village_code !== villageCode || existing.migrant_person_id !== input.migrantPersonId) {
        throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      }
      return;
    }
    await residentOf(tx, input.migrantPersonId, villageCode, 'migrantPersonId', 'PMI yang dilaporkan');
    if (input.reporterPersonId) await residentOf(tx, input.reporterPersonId, villageCode, 'reporterPersonId', 'Pelapor');
    const values = {
      villageCode,
      migrantPersonId: input.migrantPersonId,
      reporterPersonId: input.reporterPersonId ?? null,
      reporterName: input.reporterPersonId ? null : (input.reporterName ?? null),
      reporterRelation: input.reporterRelation ?? null,
      reporterPhone: input.reporterPhone ?? null,
      caseType: input.caseType,
      description: input.description,
      incidentCountry: input.incidentCountry ?? null,
    };
    await repo.insertCase(tx, { id, ...values, openedBy: actor.id });
    await repo.insertEvent(tx, { id: uuidv7(), caseId: id, villageCode, kind: 'dibuka', fromStatus: null, toStatus: 'baru', note: null, actorId: actor.id });
    await recordAudit(tx, request, { action: 'create', entityType: 'migration_case', entityId: id, regionCode: villageCode, after: { id, status: 'baru', ...values } });
  });
  return getCase(pool, request, id);
}

export async function getCase(pool: Pool, request: FastifyRequest, id: string): Promise<CaseDetail> {
  const row = await loadCase(pool, request, id);
  const role = requireUser(request).role;
  const events = await repo.listEvents(pool, id);
  return {
    ...caseOf(row, new Date()),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.from_status as CaseStatus | null,
      toStatus: e.to_status as CaseStatus | null,
      note: e.note,
      actorName: e.actor_name,
      at: e.at.toISOString(),
    })),
    allowedTransitions: migrationWriters.includes(role) ? caseTransitionsFor(row.status, role) : [],
    canAddNote: migrationWriters.includes(role) && row.status !== 'selesai',
  };
}

/** One step of the workflow, by the rules of who may take it; the step and its note join the timeline. */
export async function transitionCase(pool: Pool, request: FastifyRequest, actor: SessionUser, id: string, input: CaseTransitionRequest): Promise<CaseDetail> {
  await withTransaction(pool, async (tx) => {
    const current = await loadCase(tx, request, id, true);
    if (input.version !== undefined && input.version !== current.version) throw versionConflict();
    const refusal = caseTransitionRefusal(current.status, input.to, actor.role);
    if (refusal) {
      // A step outside the workflow is a conflict with the case's state; a step the role may not take is refused.
      const allowedForSomeone = caseTransitionRefusal(current.status, input.to, 'admin') === null;
      throw allowedForSomeone ? forbidden(refusal) : new AppError(409, 'CASE_TRANSITION_NOT_ALLOWED', refusal);
    }
    const note = input.note?.trim() || null;
    if (!note && caseTransitionNeedsNote(input.to)) {
      const why = input.to === 'selesai' ? 'hasil penanganan kasus' : 'alasan rujukan ke kabupaten';
      throw validationFailed([{ path: 'note', message: `Tuliskan ${why} di catatan.` }]);
    }
    await repo.setStatus(tx, id, input.to);
    await repo.insertEvent(tx, { id: uuidv7(), caseId: id, villageCode: current.village_code, kind: 'status', fromStatus: current.status, toStatus: input.to, note, actorId: actor.id });
    await recordAudit(tx, request, {
      action: 'transition',
      entityType: 'migration_case',
      entityId: id,
      regionCode: current.village_code,
      before: { status: current.status, statusSince: current.status_since },
      after: { status: input.to, note },
    });
  });
  return getCase(pool, request, id);
}

export async function addNote(pool: Pool, request: FastifyRequest, actor: SessionUser, id: string, note: string): Promise<CaseDetail> {
  await withTransaction(pool, async (tx) => {
    const current = await loadCase(tx, request, id, true);
    if (current.status === 'selesai') {
      throw new AppError(409, 'CASE_CLOSED', 'Kasus ini sudah selesai; catatan tidak dapat ditambah. Pengaduan baru dicatat sebagai kasus baru.');
    }
    const eventId = uuidv7();
    await repo.insertEvent(tx, { id: eventId, caseId: id, villageCode: current.village_code, kind: 'catatan', fromStatus: null, toStatus: null, note, actorId: actor.id });
    await recordAudit(tx, request, { action: 'add_note', entityType: 'migration_case', entityId: id, regionCode: current.village_code, after: { eventId, note } });
  });
  return getCase(pool, request, id);
}

/** Overdue first, then referred, new, handled by the village; closed last. Within a group the nearest deadline first. */
const statusOrder: Record<CaseStatus, number> = { dirujuk_kabupaten: 0, baru: 1, ditangani_desa: 2, selesai: 3 };
function byUrgency(a: Case, b: Case): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    statusOrder[a.status] - statusOrder[b.status] ||
    (a.dueAt ?? '').localeCompare(b.dueAt ?? '') ||
    (b.closedAt ?? '').localeCompare(a.closedAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

type CaseFilter = Omit<ListCasesQuery, 'page' | 'pageSize'>;

async function casesUnder(pool: Pool, regionPrefix: string, query: CaseFilter): Promise<Case[]> {
  const now = new Date();
  const items = (await repo.listCases(pool, regionPrefix, { status: query.status, type: query.type, open: query.open })).map((row) => caseOf(row, now));
  return items.filter((c) => query.overdue === undefined || c.overdue === query.overdue).sort(byUrgency);
}

function page<T>(items: T[], query: { page: number; pageSize: number }) {
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
}

export async function listVillageCases(pool: Pool, villageCode: string, query: ListCasesQuery) {
  return page(await casesUnder(pool, villageCode, query), query);
}

/** The list of everyone's scope: a coordinator's regency, the ministry's country, a village user's village. */
export async function listScopedCases(pool: Pool, request: FastifyRequest, query: ListCasesQuery & { within?: string }) {
  return page(await casesUnder(pool, requestScope(request, query.within), query), query);
}

export const caseExportHeaders = [
  'Desa', 'Kode desa', 'PMI', 'Pelapor', 'Hubungan pelapor', 'HP pelapor', 'Jenis kasus', 'Negara kejadian', 'Uraian',
  'Status', 'Dibuka', 'Status sejak', 'Batas waktu', 'Lewat batas waktu', 'Ditutup',
] as const;

/** Jakarta wall-clock time of an instant, as the officer reads it in the sheet. */
function jakartaTime(iso: string | null): string | null {
  if (!iso) return null;
  const local = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return `${local.slice(8, 10)}-${local.slice(5, 7)}-${local.slice(0, 4)} ${local.slice(11, 16)} WIB`;
}

/** The scoped list as spreadsheet rows, with the same filters; the export is audited. */
export async function exportCases(pool: Pool, request: FastifyRequest, query: CaseFilter & { within?: string }) {
  const scope = requestScope(request, query.within);
  const items = await casesUnder(pool, scope, query);
  await recordAudit(pool, request, { action: 'export', entityType: 'cases_export', entityId: scope || 'nasional', regionCode: scope, after: { format: 'xlsx', filter: query, rows: items.length } });
  const rows = items.map((c) => [
    c.villageName,
    c.villageCode,
    c.migrantName,
    c.reporterName,
    c.reporterRelation && reporterRelationLabels[c.reporterRelation],
    c.reporterPhone,
    caseTypeLabels[c.caseType],
    c.incidentCountry && destinationCountryName(c.incidentCountry),
    c.description,
    caseStatusLabels[c.status],
    jakartaTime(c.openedAt),
    jakartaTime(c.statusSince),
    jakartaTime(c.dueAt),
    c.overdue ? 'Ya' : 'Tidak',
    jakartaTime(c.closedAt),
  ]);
  return { fileName: `kasus-${scope || 'nasional'}.xlsx`, sheetName: 'Kasus', headers: caseExportHeaders, rows };
}
