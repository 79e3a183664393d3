import type {
  DismissDuplicateRequest,
  DuplicateCandidate,
  DuplicateRecord,
  DuplicateSuggestionsQuery,
  DuplicateSuggestionsResponse,
  MergeDuplicatesRequest,
  MergeDuplicatesResponse,
  SessionUser,
} from '@desmigratif/contracts';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import { isInScope, isTemporaryId, maskIdentityNumber, normalizePersonName, seesFullIdentity } from '@desmigratif/domain';
import type { FastifyRequest } from 'fastify';
import { assertInScope } from '../../../platform/access-control.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { refreshMigrantStatus } from '../repository.js';
import { comparable, lockCandidates, refreshCandidates, smallestCommonRegion } from './candidate-refresh.js';
import { compareRecords, labelReason, thresholds } from './matching.js';
import { moveReferences } from './person-references.js';
import * as repo from './repository.js';

const MAX_SUGGESTIONS = 10;

function toRecord(row: repo.RecordRow, viewer: SessionUser): DuplicateRecord {
  const full = seesFullIdentity(viewer.role);
  return {
    id: row.id,
    villageCode: row.village_code,
    villageName: row.village_name,
    nik: full ? row.nik : maskIdentityNumber(row.nik),
    nikMasked: !full,
    name: row.name,
    sex: row.sex,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    fatherName: row.father_name,
    motherName: row.mother_name,
    dusun: row.dusun,
    rw: row.rw,
    rt: row.rt,
    migrantStatus: row.migrant_status,
  };
}

/** KABUPATEN WONOSOBO → Kab. Wonosobo; KOTA BANDUNG → Kota Bandung. */
function shortRegencyName(name: string): string {
  const titled = name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return titled.replace(/^Kabupaten /, 'Kab. ');
}

/**
 * Records that may be the person an officer is typing in a village. Similar names are
 * looked for in that village only; the same NIK everywhere, but a record outside the
 * officer's region is reported by where it is, never by whose it is (UU 27/2022: a village
 * must not read another village's residents). Nothing here blocks recording the person.
 */
export async function suggestDuplicates(
  pool: Pool,
  viewer: SessionUser,
  villageCode: string,
  query: DuplicateSuggestionsQuery,
): Promise<DuplicateSuggestionsResponse> {
  const nameKey = query.name && query.name.length >= 2 ? normalizePersonName(query.name) || null : null;
  const rows = await withTransaction(pool, (tx) =>
    repo.findSuggestionCandidates(tx, {
      villageCode,
      nameKey,
      birthDate: query.birthDate ?? null,
      nik: query.nik ?? null,
      excludeId: query.excludeId ?? null,
      similarityThreshold: thresholds.search,
    }),
  );
  const typed = {
    nik: query.nik ?? null,
    name: query.name ?? null,
    birthDate: query.birthDate ?? null,
    fatherName: query.fatherName ?? null,
    motherName: query.motherName ?? null,
  };
  const candidates: DuplicateCandidate[] = [];
  const elsewhere = new Map<string, DuplicateSuggestionsResponse['nikRecordedElsewhere'][number]>();
  for (const row of rows) {
    if (!isInScope(viewer.scopeCode, row.village_code)) {
      if (row.nik === query.nik) {
        elsewhere.set(row.village_code, {
          villageCode: row.village_code,
          villageName: row.village_name,
          districtName: row.district_name,
          regencyName: row.regency_name,
          provinceName: row.province_name,
        });
      }
      continue;
    }
    const comparison = compareRecords(typed, comparable(row));
    if (!comparison.likely && !comparison.possible) continue;
    candidates.push({ ...toRecord(row, viewer), score: comparison.score, reasons: comparison.reasons.map(labelReason) });
  }
  candidates.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const places = [...elsewhere.values()].sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  const nikNotice =
    places.length === 0
      ? null
      : `NIK ini juga tercatat di ${places
          .map((p) => `${p.villageName}, Kec. ${p.districtName}, ${shortRegencyName(p.regencyName)}`)
          .join('; ')}. Penduduk tetap dapat dicatat; koordinator kabupaten meninjau NIK ganda.`;
  return { candidates: candidates.slice(0, MAX_SUGGESTIONS), nikRecordedElsewhere: places, nikNotice };
}

/** Likely duplicate pairs with both records inside `scope`, most likely first. */
export async function listDuplicates(pool: Pool, viewer: SessionUser, scope: string, page: number, pageSize: number) {
  await refreshCandidates(pool, scope);
  const { items, total } = await repo.listCandidates(pool, { scope, page, pageSize });
  const records = await repo.loadRecords(pool, items.flatMap((i) => [i.person_a, i.person_b]));
  const pairs = items.flatMap((item) => {
    const a = records.get(item.person_a);
    const b = records.get(item.person_b);
    // Deleted or moved out of the region since the refresh a moment ago: not shown.
    const shown = (r: repo.RecordRow | undefined): r is repo.RecordRow => r !== undefined && !r.deleted && isInScope(scope, r.village_code);
    if (!shown(a) || !shown(b)) return [];
    return [{ a: toRecord(a, viewer), b: toRecord(b, viewer), score: item.score, reasons: item.reasons.map(labelReason) }];
  });
  return { items: pairs, total, page, pageSize };
}

/** A people row as the audit log keeps it: camelCase, without the search keys. */
function snapshot(row: repo.PersonRow | undefined): Record<string, unknown> | undefined {
  if (!row) return undefined;
  const hidden = new Set(['name_key', 'name_fold', 'mother_name_fold']);
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !hidden.has(key))
      .map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

/** Where a person lives: not taken from a record of another village. */
const villageBoundColumns = new Set(['family_id', 'address', 'dusun', 'rw', 'rt', 'lat', 'lng', 'current_address']);
const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

async function loadPair(tx: Queryable, request: FastifyRequest, ids: readonly [string, string]): Promise<[repo.PersonRow, repo.PersonRow]> {
  const rows = await repo.lockPeople(tx, ids);
  // Scope first: a record outside the region is refused, whatever state it is in.
  for (const row of rows.values()) assertInScope(request, row.village_code);
  const found = ids.map((id) => rows.get(id));
  for (const row of found) {
    if (!row) throw notFound('Data orang');
    if (row.merged_into) {
      throw new AppError(409, 'ALREADY_MERGED', 'Data ini sudah digabung ke data lain.', { id: row.id, mergedInto: row.merged_into });
    }
    if (row.deleted_at) throw notFound('Data orang');
  }
  return found as [repo.PersonRow, repo.PersonRow];
}

/**
 * Folds `mergeId` into `keepId`: everything that points at the merged record moves to the
 * kept one (person-references.ts), fields empty on the kept record are taken from the merged
 * one, and the merged record becomes a tombstone (merged_into, deleted_at) that GET
 * /people/:id answers with 404 PERSON_MERGED and the kept id. One audit entry per record,
 * each with both records before and after, in the same transaction.
 */
export async function mergeDuplicates(
  pool: Pool,
  request: FastifyRequest,
  viewer: SessionUser,
  input: MergeDuplicatesRequest,
): Promise<MergeDuplicatesResponse> {
  const keepId = input.keepId.toLowerCase();
  const mergeId = input.mergeId.toLowerCase();
  const { filledFields, moved } = await withTransaction(pool, async (tx) => {
    await lockCandidates(tx);
    const [keep, merge] = await loadPair(tx, request, [keepId, mergeId]);
    const sameVillage = keep.village_code === merge.village_code;
    const fills: Record<string, unknown> = {};
    for (const column of await repo.fillableColumns(tx)) {
      if (!sameVillage && villageBoundColumns.has(column)) continue;
      if (isEmpty(keep[column]) && !isEmpty(merge[column])) fills[column] = merge[column];
    }
    if (isTemporaryId(keep.nik) && !isTemporaryId(merge.nik)) fills.nik = merge.nik;
    await repo.setColumns(tx, keepId, fills);
    const moved = await moveReferences(tx, mergeId, keepId, keep.village_code);
    if ((moved['migrant_status_events.person_id'] ?? 0) > 0) await refreshMigrantStatus(tx, keepId);
    await repo.markMerged(tx, mergeId, keepId);
    await repo.queueForScan(tx, keepId, keep.village_code);

    const after = await repo.lockPeople(tx, [keepId, mergeId]);
    const filledFields = Object.keys(fills).map((c) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()));
    const before = { kept: snapshot(keep), merged: snapshot(merge) };
    const afterMerge = { kept: snapshot(after.get(keepId)), merged: snapshot(after.get(mergeId)), filledFields, moved };
    for (const row of [keep, merge]) {
      await recordAudit(tx, request, {
        action: 'merge',
        entityType: 'person',
        entityId: row.id,
        regionCode: row.village_code,
        before,
        after: afterMerge,
      });
    }
    return { filledFields, moved };
  });
  const kept = (await repo.loadRecords(pool, [keepId])).get(keepId)!;
  return { kept: toRecord(kept, viewer), mergedId: mergeId, filledFields, moved };
}

/** "Bukan duplikat": the pair leaves the review list for good. Dismissing twice changes nothing. */
export async function dismissDuplicate(pool: Pool, request: FastifyRequest, viewer: SessionUser, input: DismissDuplicateRequest) {
  const [personA, personB] = [input.personAId.toLowerCase(), input.personBId.toLowerCase()].sort() as [string, string];
  await withTransaction(pool, async (tx) => {
    const [a, b] = await loadPair(tx, request, [personA, personB]);
    const regionCode = smallestCommonRegion(a.village_code, b.village_code);
    const dismissed = await repo.insertDismissal(tx, { personA, personB, regionCode, by: viewer.id });
    if (!dismissed) return;
    await recordAudit(tx, request, {
      action: 'dismiss_duplicate',
      entityType: 'person_pair',
      entityId: `${personA}/${personB}`,
      regionCode,
      after: { personA, personB, names: [a.name, b.name] },
    });
  });
  return { ok: true as const };
}
