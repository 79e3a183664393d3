import {
  type AccessLogResponse,
  type BreachReport,
  type CreateDataSubjectRequest,
  type DataSubjectRequest,
  type DataSubjectRequestStatus,
  type DataSubjectRequestTransition,
  type EraseDataRequest,
  type ErasureCategory,
  type ErasureItem,
  type ErasurePreview,
  type ExpiredConsent,
  type RetentionPurgeResponse,
  type RetentionRule,
  type SessionUser,
  type UpdateRetentionRule,
  dataSubjectRequestDeadlineHours,
  erasureCategories,
  erasureCategoryLabels,
  requestTransitionsFor,
  retainedCategories,
  retainedCategoryLabels,
} from '@desmigratif/contracts';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import { maskIdentityNumber, seesFullIdentity, todayInJakarta } from '@desmigratif/domain';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import { uploadsDir } from '../migration/scans.js';
import * as people from '../people/repository.js';
import * as repo from './repository.js';

/** Loads a live person inside the viewer's scope; outside it answers 403 like every record route. */
async function loadPerson(db: Queryable, request: FastifyRequest, id: string) {
  const row = await people.findPerson(db, id);
  if (!row || row.deleted_at) throw notFound('Data orang');
  assertInScope(request, row.village_code);
  return row;
}

// ---------------------------------------------------------------- access log

export async function accessLog(
  pool: Pool,
  request: FastifyRequest,
  personId: string,
  query: { readsOnly?: boolean; page: number; pageSize: number },
): Promise<AccessLogResponse> {
  const person = await loadPerson(pool, request, personId);
  const { rows, total } = await repo.listAccessLog(pool, person.id, person.village_code, { readsOnly: query.readsOnly ?? false, page: query.page, pageSize: query.pageSize });
  return {
    personName: person.name,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUsername: r.actor_username,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      what: r.what,
      ip: r.ip,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---------------------------------------------------------------- the person's data (access request)

/** Columns holding identity numbers: shown in full only to the roles that see them elsewhere too. */
const identityColumns = new Set(['nik', 'father_nik', 'mother_nik', 'passport_number', 'kitas_number', 'no_kk', 'insurance_number', 'tag_id_card']);

function maskRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, identityColumns.has(k) && typeof v === 'string' && v ? maskIdentityNumber(v) : v]));
}

type Dataset = Awaited<ReturnType<typeof repo.personDataset>>;
export type PersonDataset = Omit<Dataset, 'person'> & { person: Record<string, unknown>; generatedAt: string; identityNumbersMasked: boolean };

/**
 * Everything the village holds about a person, for the village to hand over on an access
 * request (UU 27/2022 Pasal 7). Identity numbers follow the viewer's usual masking; the
 * export itself is a read of sensitive data and is audited.
 */
export async function personData(pool: Pool, request: FastifyRequest, viewer: SessionUser, personId: string, format: 'json' | 'xlsx'): Promise<PersonDataset> {
  const person = await loadPerson(pool, request, personId);
  const data = await repo.personDataset(pool, person.id);
  if (!data.person) throw notFound('Data orang');
  const full = seesFullIdentity(viewer.role);
  const mask = (rows: Array<Record<string, unknown>>) => (full ? rows : rows.map(maskRow));
  await recordAudit(pool, request, {
    action: 'export_person_data',
    entityType: 'person',
    entityId: person.id,
    regionCode: person.village_code,
    after: { format, what: full ? `seluruh data (${format}), NIK lengkap` : `seluruh data (${format}), NIK disamarkan` },
  });
  return {
    generatedAt: new Date().toISOString(),
    identityNumbersMasked: !full,
    person: full ? data.person : maskRow(data.person),
    statusHistory: data.statusHistory,
    family: data.family,
    familyCards: mask(data.familyCards),
    links: data.links,
    consents: data.consents,
    services: data.services,
    plans: data.plans,
    documents: data.documents,
    scans: data.scans,
    placements: data.placements,
    cases: data.cases,
    caseEvents: data.caseEvents,
    letters: data.letters,
    dataSubjectRequests: data.dataSubjectRequests,
  };
}

/** Sheet names of the xlsx handover, one per part of the data, in Indonesian. */
const sheetNames: Array<[Exclude<keyof PersonDataset, 'person' | 'family' | 'generatedAt' | 'identityNumbersMasked'>, string]> = [
  ['statusHistory', 'Riwayat status'],
  ['familyCards', 'Nomor KK'],
  ['links', 'Keluarga PMI'],
  ['consents', 'Dasar pemrosesan'],
  ['services', 'Layanan'],
  ['plans', 'Rencana migrasi'],
  ['documents', 'Dokumen'],
  ['scans', 'Pindaian'],
  ['placements', 'Penempatan'],
  ['cases', 'Kasus'],
  ['caseEvents', 'Riwayat kasus'],
  ['letters', 'Surat'],
  ['dataSubjectRequests', 'Permintaan subjek data'],
];

const cell = (value: unknown): string | number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

export type Sheet = { name: string; headers: string[]; rows: Array<Array<string | number | null>> };

/** The same data as sheets: the person and family as field/value pairs, every list as a table. */
export function personDataSheets(data: PersonDataset): Sheet[] {
  const pairs = (row: Record<string, unknown> | null) => Object.entries(row ?? {}).map(([k, v]) => [k, cell(v)]);
  const sheets: Sheet[] = [
    { name: 'Data pribadi', headers: ['Kolom', 'Nilai'], rows: [['dibuat_pada', data.generatedAt], ...pairs(data.person)] },
    { name: 'Keluarga', headers: ['Kolom', 'Nilai'], rows: pairs(data.family) },
  ];
  for (const [key, name] of sheetNames) {
    const rows = data[key];
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    sheets.push({ name, headers, rows: rows.map((r) => headers.map((h) => cell(r[h]))) });
  }
  return sheets;
}

// ---------------------------------------------------------------- data-subject requests

function toRequest(row: repo.RequestRow, now = Date.now()): DataSubjectRequest {
  const status = row.status as DataSubjectRequestStatus;
  const kind = row.kind as DataSubjectRequest['kind'];
  const open = status === 'diterima' || status === 'diproses';
  return {
    id: row.id,
    villageCode: row.village_code,
    personId: row.person_id,
    personName: row.person_name,
    kind,
    requesterName: row.requester_name,
    receivedAt: row.received_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: open ? row.due_at.getTime() < now : row.closed_at !== null && row.closed_at.getTime() > row.due_at.getTime(),
    status,
    statusReason: row.status_reason,
    notes: row.notes,
    handledByName: row.handled_by_name,
    closedAt: row.closed_at?.toISOString() ?? null,
    allowedTransitions: [...requestTransitionsFor(kind, status)],
    erasure: row.erasure
      ? {
          categories: row.erasure.categories as ErasureCategory[],
          items: row.erasure.items as ErasureItem[],
          filesRemoved: row.erasure.filesRemoved,
          erasedAt: row.erasure.erasedAt,
          erasedByName: row.handled_by_name,
        }
      : null,
    version: row.version,
  };
}

/** The answer is due a fixed number of hours after receipt (see dataSubjectRequestDeadlineHours). */
export function requestDueAt(kind: DataSubjectRequest['kind'], receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + dataSubjectRequestDeadlineHours[kind] * 3600_000);
}

export async function createRequest(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  villageCode: string,
  input: CreateDataSubjectRequest,
): Promise<DataSubjectRequest> {
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  // A minute of slack for a phone whose clock runs a little ahead.
  if (receivedAt.getTime() > Date.now() + 60_000) throw validationFailed([{ path: 'receivedAt', message: 'Waktu diterima tidak boleh di masa depan' }]);
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    const existing = await repo.findRequest(tx, id);
    if (existing) {
      // A retried request: nothing twice.
      if (existing.village_code !== villageCode || existing.person_id !== input.personId) throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      return;
    }
    const person = await people.findPerson(tx, input.personId);
    if (!person || person.deleted_at || person.village_code !== villageCode) {
      throw validationFailed([{ path: 'personId', message: 'Orang ini tidak terdaftar di desa ini' }]);
    }
    const dueAt = requestDueAt(input.kind, receivedAt);
    await repo.insertRequest(tx, { id, villageCode, personId: person.id, kind: input.kind, requesterName: input.requesterName, receivedAt, dueAt, notes: input.notes ?? null, createdBy: actor.id });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'data_subject_request',
      entityId: id,
      regionCode: villageCode,
      after: { id, personId: person.id, kind: input.kind, requesterName: input.requesterName, receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString(), notes: input.notes ?? null },
    });
  });
  return toRequest((await repo.findRequest(pool, id))!);
}

export async function listRequests(pool: Pool, villageCode: string, query: { status?: string; personId?: string; page: number; pageSize: number }) {
  const { rows, total } = await repo.listRequests(pool, villageCode, query);
  const now = Date.now();
  return { items: rows.map((r) => toRequest(r, now)), total, page: query.page, pageSize: query.pageSize };
}

export async function transitionRequest(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: DataSubjectRequestTransition,
): Promise<DataSubjectRequest> {
  await withTransaction(pool, async (tx) => {
    const current = await repo.findRequest(tx, id, true);
    if (!current) throw notFound('Permintaan subjek data');
    assertInScope(request, current.village_code);
    if (input.version !== current.version) throw versionConflict();
    const from = current.status as DataSubjectRequestStatus;
    if (current.kind === 'penghapusan' && from === 'diproses' && input.to === 'selesai') {
      throw new AppError(409, 'ERASURE_REQUIRED', 'Permintaan penghapusan diselesaikan lewat langkah "Hapus data": pilih data yang dihapus, lalu konfirmasi.');
    }
    if (!requestTransitionsFor(current.kind as DataSubjectRequest['kind'], from).includes(input.to)) {
      throw new AppError(409, 'TRANSITION_NOT_ALLOWED', `Permintaan berstatus "${from}" tidak dapat diubah menjadi "${input.to}".`);
    }
    const reason = input.reason?.trim() || null;
    if (input.to === 'ditolak' && !reason) {
      throw validationFailed([{ path: 'reason', message: 'Tuliskan alasan penolakan (dasar hukumnya) untuk disampaikan kepada pemohon' }]);
    }
    await repo.moveRequest(tx, id, input.to, reason, actor.id);
    await recordAudit(tx, request, {
      action: 'transition',
      entityType: 'data_subject_request',
      entityId: id,
      regionCode: current.village_code,
      before: { status: from },
      after: { status: input.to, reason },
    });
  });
  return toRequest((await repo.findRequest(pool, id))!);
}

// ---------------------------------------------------------------- erasure

/** An erasure request inside the caller's scope (403 outside it, like every record route). */
async function loadErasureRequest(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const current = await repo.findRequest(db, id, forUpdate);
  if (!current) throw notFound('Permintaan subjek data');
  assertInScope(request, current.village_code);
  if (current.kind !== 'penghapusan') throw new AppError(409, 'NOT_AN_ERASURE', 'Hanya permintaan penghapusan yang dapat menghapus data.');
  return current;
}

/** What the village holds about the person that an erasure may remove, and what it must keep. */
export async function erasurePreview(pool: Pool, request: FastifyRequest, id: string): Promise<ErasurePreview> {
  const current = await loadErasureRequest(pool, request, id);
  const [erasable, retained] = await Promise.all([repo.erasableCounts(pool, current.person_id), repo.retainedCounts(pool, current.person_id)]);
  return {
    requestId: current.id,
    personId: current.person_id,
    personName: current.person_name,
    erasable: erasureCategories.map((category) => ({ category, count: erasable[category] ?? 0 })),
    retained: retainedCategories.map((category) => ({ category, count: retained[category] ?? null })),
  };
}

/** The answer written into the request: what was erased, what there was none of, what stays and why, and the officer's note. */
export function erasureSummary(items: ErasureItem[], note: string | null): string {
  const done = items.filter((i) => i.count > 0).map((i) => `${erasureCategoryLabels[i.category]} (${i.count})`);
  const none = items.filter((i) => i.count === 0).map((i) => erasureCategoryLabels[i.category]);
  const kept = retainedCategories.map((c) => retainedCategoryLabels[c]).join(', ');
  return [
    done.length ? `Dihapus: ${done.join(', ')}.` : 'Tidak ada data yang dihapus.',
    none.length ? `Tidak ada datanya: ${none.join(', ')}.` : null,
    `Tetap disimpan karena diwajibkan undang-undang: ${kept}.`,
    note,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Removes an erasure's scan files from disk (a file already gone counts as removed), then
 * clears the list. A failure leaves the list for the next attempt and tells the officer.
 */
async function removeErasureFiles(pool: Pool, request: FastifyRequest, dataDir: string, id: string, files: string[]): Promise<void> {
  try {
    for (const storageId of files) await rm(path.join(uploadsDir(dataDir), storageId), { force: true });
  } catch (error) {
    request.log.error({ err: error, requestId: id }, 'erasure: scan files not removed');
    throw new AppError(503, 'ERASURE_FILES_PENDING', 'Data sudah dihapus, tetapi sebagian berkas pindaian belum terhapus dari penyimpanan. Tekan "Hapus data" sekali lagi.');
  }
  await repo.clearErasureFiles(pool, id);
}

const sameCategories = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/**
 * Completes an erasure request: erases the chosen categories of the person's data in one
 * transaction, closes the request as `selesai` with what was erased (counts, never content)
 * and audits it; scan files are removed from disk after the commit. The person's registry
 * identity and everything the law keeps stay. Repeating the same confirmation (a lost answer)
 * erases nothing twice and finishes any file removal left over.
 */
export async function eraseForRequest(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  dataDir: string,
  id: string,
  input: EraseDataRequest,
): Promise<DataSubjectRequest> {
  const files = await withTransaction(pool, async (tx) => {
    const current = await loadErasureRequest(tx, request, id, true);
    if (current.erasure) {
      if (!sameCategories(current.erasure.categories, input.categories)) {
        throw new AppError(409, 'ALREADY_ERASED', 'Permintaan ini sudah diselesaikan dengan penghapusan data. Catat permintaan baru bila orangnya meminta lagi.');
      }
      return current.erasure_files ?? [];
    }
    if (input.version !== current.version) throw versionConflict();
    if (current.status !== 'diproses') {
      throw new AppError(
        409,
        'TRANSITION_NOT_ALLOWED',
        current.status === 'diterima' ? 'Ubah permintaan ke "Diproses" lebih dulu, lalu hapus datanya.' : `Permintaan berstatus "${current.status}" sudah ditutup.`,
      );
    }
    const note = input.note?.trim() || null;
    if (input.categories.length === 0 && !note) {
      throw validationFailed([{ path: 'note', message: 'Tidak ada data yang dipilih: tuliskan jawaban untuk pemohon, misalnya bahwa data yang diminta wajib disimpan menurut undang-undang' }]);
    }
    const chosen = erasureCategories.filter((c) => input.categories.includes(c));
    const items: ErasureItem[] = [];
    const removed: string[] = [];
    for (const category of chosen) {
      const result = await repo.eraseCategory(tx, current.person_id, category, actor.id);
      items.push({ category, count: result.count });
      removed.push(...result.storageIds);
    }
    const erasure = { categories: chosen, items, filesRemoved: removed.length, erasedAt: new Date().toISOString(), erasedBy: actor.id };
    await repo.completeErasure(tx, id, { erasure, files: removed, reason: erasureSummary(items, note), handledBy: actor.id });
    await recordAudit(tx, request, {
      action: 'erase_personal_data',
      entityType: 'data_subject_request',
      entityId: id,
      regionCode: current.village_code,
      before: { status: current.status },
      after: { status: 'selesai', personId: current.person_id, categories: chosen, items, filesRemoved: removed.length, note },
    });
    return removed;
  });
  if (files.length) await removeErasureFiles(pool, request, dataDir, id, files);
  return toRequest((await repo.findRequest(pool, id))!);
}

// ---------------------------------------------------------------- retention and consents

const toRule = (r: repo.RetentionRow): RetentionRule => ({
  recordType: r.record_type,
  label: r.label,
  keepMonths: r.keep_months,
  legalBasis: r.legal_basis,
  enforced: r.enforced,
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export async function listRetentionRules(pool: Pool) {
  return { items: (await repo.listRetentionRules(pool)).map(toRule) };
}

export async function updateRetentionRule(pool: Pool, request: FastifyRequest, actor: SessionUser, recordType: string, input: UpdateRetentionRule): Promise<RetentionRule> {
  await withTransaction(pool, async (tx) => {
    const current = await repo.findRetentionRule(tx, recordType, true);
    if (!current) throw notFound('Aturan retensi');
    if (input.version !== current.version) throw versionConflict();
    await repo.updateRetentionRule(tx, recordType, input.keepMonths, input.legalBasis, actor.id);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'retention_rule',
      entityId: recordType,
      regionCode: '',
      before: { keepMonths: current.keep_months, legalBasis: current.legal_basis },
      after: { keepMonths: input.keepMonths, legalBasis: input.legalBasis },
    });
  });
  return toRule((await repo.findRetentionRule(pool, recordType))!);
}

/**
 * Applies the `import_rejects` rule: rejected rows and stored uploads of imports older than
 * the retention period are deleted, one audit entry per import (in its village). Called by
 * the admin route; safe to run any number of times.
 */
export async function purgeExpiredImportRejects(pool: Pool, request: FastifyRequest | null): Promise<RetentionPurgeResponse> {
  return withTransaction(pool, async (tx) => {
    const rule = await repo.findRetentionRule(tx, 'import_rejects');
    if (!rule) throw notFound('Aturan retensi');
    const purged = await repo.purgeImportRejects(tx, rule.keep_months);
    for (const job of purged) {
      await recordAudit(tx, request, {
        action: 'purge_retention',
        entityType: 'import_job',
        entityId: job.job_id,
        regionCode: job.village_code,
        after: { recordType: 'import_rejects', keepMonths: rule.keep_months, rowsRemoved: job.removed, uploadRemoved: true },
      });
    }
    return { recordType: 'import_rejects', keepMonths: rule.keep_months, jobs: purged.length, rowsRemoved: purged.reduce((n, j) => n + j.removed, 0) };
  });
}

export async function expiredConsents(pool: Pool, villageCode: string): Promise<{ items: ExpiredConsent[] }> {
  const rows = await repo.listExpiredConsents(pool, villageCode, todayInJakarta());
  return {
    items: rows.map((r) => ({
      consentId: r.consent_id,
      personId: r.person_id,
      personName: r.person_name,
      basis: r.basis,
      givenByName: r.given_by_name,
      recordedAt: r.recorded_at.toISOString(),
      expiresOn: r.expires_on,
      reason: r.reason,
    })),
  };
}

// ---------------------------------------------------------------- breach-response report

export async function breachReport(pool: Pool, request: FastifyRequest, query: { userId: string; from: string; to: string }): Promise<BreachReport> {
  const user = await repo.findUser(pool, query.userId);
  if (!user) throw notFound('Akun');
  const report = await repo.breachReport(pool, user.id, query.from, query.to);
  // Looking into whose data an account touched is itself a processing of those people's data.
  await recordAudit(pool, request, { action: 'breach_report', entityType: 'user', entityId: user.id, regionCode: '', after: { from: query.from, to: query.to, people: report.people.length } });
  return {
    user: { id: user.id, username: user.username, fullName: user.full_name, role: user.role, scopeCode: user.scope_code },
    from: query.from,
    to: query.to,
    totalEntries: report.total,
    people: report.people.map((p) => ({
      personId: p.person_id,
      name: p.name,
      villageCode: p.village_code,
      reads: p.reads,
      writes: p.writes,
      firstAt: p.first_at.toISOString(),
      lastAt: p.last_at.toISOString(),
    })),
    villages: report.villages.map((v) => ({ villageCode: v.village_code, villageName: v.village_name, people: v.people, entries: v.entries })),
  };
}

export function breachSheets(report: BreachReport): Sheet[] {
  return [
    {
      name: 'Orang',
      headers: ['ID orang', 'Nama', 'Kode desa', 'Pembacaan data sensitif', 'Perubahan', 'Pertama', 'Terakhir'],
      rows: report.people.map((p) => [p.personId, p.name, p.villageCode, p.reads, p.writes, p.firstAt, p.lastAt]),
    },
    {
      name: 'Desa',
      headers: ['Kode desa', 'Nama desa', 'Jumlah orang', 'Jumlah entri audit'],
      rows: report.villages.map((v) => [v.villageCode, v.villageName, v.people, v.entries]),
    },
    {
      name: 'Keterangan',
      headers: ['Kolom', 'Nilai'],
      rows: [
        ['Akun', `${report.user.username} (${report.user.fullName})`],
        ['Peran', report.user.role],
        ['Dari', report.from],
        ['Sampai', report.to],
        ['Entri audit dalam rentang', report.totalEntries],
      ],
    },
  ];
}
