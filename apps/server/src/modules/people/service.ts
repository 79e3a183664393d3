import type {
  CreatePersonRequest,
  ListPeopleQuery,
  MigrantStatus,
  PersonDetail,
  PersonSummary,
  SessionUser,
  UpdatePersonRequest,
} from '@desmigratif/contracts';
import { maskIdentityNumber, normalizePersonName, parseNik, seesFullIdentity, todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import * as families from './families-repository.js';
import * as repo from './repository.js';
import { recordPersonRead } from '../privacy/sensitive-read.js';

const sexCode = (sex: number) => (sex === 2 ? 'P' : 'L') as 'L' | 'P';

/** Checks a NIK with the domain rules: errors stop the write, warnings are shown on the record. */
export function checkNik(nik: string, person: { birthDate?: string | null; sex?: number }) {
  const parsed = parseNik(nik, {
    birthDate: person.birthDate ?? undefined,
    sex: person.sex === undefined ? undefined : sexCode(person.sex),
  });
  return parsed;
}

function assertValidNik(nik: string, person: { birthDate?: string | null; sex?: number }) {
  const parsed = checkNik(nik, person);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw validationFailed(errors.map((i) => ({ path: 'nik', message: i.message })), errors[0]!.message);
  return parsed;
}

export function toSummary(row: repo.PersonRow, viewer: SessionUser): PersonSummary {
  const full = seesFullIdentity(viewer.role);
  return {
    id: row.id,
    villageCode: row.village_code,
    nik: full ? row.nik : maskIdentityNumber(row.nik),
    nikMasked: !full,
    nikTemporary: row.nik.startsWith('0'),
    name: row.name,
    sex: row.sex,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    dusun: row.dusun,
    rw: row.rw,
    rt: row.rt,
    migrantStatus: row.migrant_status,
    statusDasar: row.status_dasar,
    familyId: row.family_id,
    nikDuplicateCount: row.nik_duplicate_count,
    version: row.version,
  };
}

/** Loads a live person inside the viewer's scope; outside it answers as if it did not exist. */
async function loadPerson(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const row = await repo.findPerson(db, id, forUpdate);
  if (!row || row.deleted_at) {
    if (row?.merged_into) {
      throw new AppError(404, 'PERSON_MERGED', 'Data orang ini sudah digabung ke data lain.', { mergedInto: row.merged_into });
    }
    throw notFound('Data orang');
  }
  assertInScope(request, row.village_code);
  return row;
}

async function assertFamilyInVillage(db: Queryable, familyId: string | null | undefined, villageCode: string) {
  if (!familyId) return;
  const family = await families.findFamily(db, familyId);
  if (!family || family.village_code !== villageCode) {
    throw validationFailed([{ path: 'familyId', message: 'Keluarga tidak ditemukan di desa ini' }]);
  }
}

function valuesOf(input: Partial<CreatePersonRequest>): repo.PersonValues {
  const values: repo.PersonValues = {};
  for (const field of Object.keys(repo.personFieldColumns) as repo.PersonField[]) {
    const value = input[field as keyof CreatePersonRequest];
    if (value !== undefined) values[field] = value as string | number | null;
  }
  return values;
}

export async function createPerson(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  villageCode: string,
  input: CreatePersonRequest,
): Promise<PersonDetail> {
  assertValidNik(input.nik, input);
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    const existing = await repo.findPerson(tx, id);
    if (existing) {
      // The same device sending the same new record twice (a retried request): nothing twice.
      if (existing.village_code !== villageCode) throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      return;
    }
    await assertFamilyInVillage(tx, input.familyId, villageCode);
    await repo.insertPerson(tx, {
      id,
      villageCode,
      nameKey: normalizePersonName(input.name),
      migrantStatus: 'bukan_pmi',
      createdBy: actor.id,
      ...valuesOf(input),
    });
    // Recorded as the head of a family that has none yet: they become its head.
    if (input.familyId && input.familyRelationship === 1) {
      await tx.query(`UPDATE families SET head_person_id = $1 WHERE id = $2 AND head_person_id IS NULL`, [id, input.familyId]);
    }
    if (input.migrantStatus !== 'bukan_pmi') {
      await repo.insertStatusEvent(tx, {
        id: uuidv7(),
        personId: id,
        villageCode,
        status: input.migrantStatus,
        effectiveDate: todayInJakarta(),
        note: 'Status saat pendaftaran',
        recordedBy: actor.id,
      });
      await repo.refreshMigrantStatus(tx, id);
    }
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      regionCode: villageCode,
      after: { ...input, id },
    });
  });
  return getPerson(pool, request, actor, id);
}

export async function updatePerson(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: UpdatePersonRequest,
): Promise<PersonDetail> {
  await withTransaction(pool, async (tx) => {
    const current = await loadPerson(tx, request, id, true);
    if (input.version !== current.version) throw versionConflict();
    const { version: _version, ...changes } = input;
    const nik = changes.nik ?? current.nik;
    if (changes.nik !== undefined || changes.birthDate !== undefined || changes.sex !== undefined) {
      assertValidNik(nik, { birthDate: changes.birthDate ?? current.birth_date, sex: changes.sex ?? current.sex });
    }
    await assertFamilyInVillage(tx, changes.familyId, current.village_code);
    const values = valuesOf(changes);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      const old = current[repo.personFieldColumns[field as repo.PersonField] as keyof repo.PersonRow];
      if (old !== value) {
        before[field] = old;
        after[field] = value;
      }
    }
    if (!Object.keys(after).length) return;
    await repo.updatePerson(tx, id, { ...values, ...(changes.name ? { nameKey: normalizePersonName(changes.name) } : {}) });
    await recordAudit(tx, request, { action: 'update', entityType: 'person', entityId: id, regionCode: current.village_code, before, after });
  });
  return getPerson(pool, request, actor, id);
}

export async function getPerson(pool: Pool, request: FastifyRequest, viewer: SessionUser, id: string): Promise<PersonDetail> {
  const row = await loadPerson(pool, request, id);
  const [history, consents, links, family, members] = await Promise.all([
    repo.listStatusEvents(pool, id),
    repo.listConsents(pool, id),
    repo.listLinks(pool, id),
    row.family_id ? families.findFamily(pool, row.family_id) : Promise.resolve(undefined),
    row.family_id ? repo.listFamilyMembers(pool, row.family_id) : Promise.resolve([]),
  ]);
  const full = seesFullIdentity(viewer.role);
  await recordPersonRead(pool, request, viewer, row);
  const mask = (value: string | null) => (value === null || full ? value : maskIdentityNumber(value));
  const nik = checkNik(row.nik, { birthDate: row.birth_date, sex: row.sex });
  return {
    ...toSummary(row, viewer),
    religion: row.religion,
    educationKk: row.education_kk,
    educationCurrent: row.education_current,
    occupation: row.occupation,
    maritalStatus: row.marital_status,
    familyRelationship: row.family_relationship,
    citizenship: row.citizenship,
    bloodType: row.blood_type,
    fatherNik: mask(row.father_nik),
    fatherName: row.father_name,
    motherNik: mask(row.mother_nik),
    motherName: row.mother_name,
    passportNumber: mask(row.passport_number),
    passportExpiry: row.passport_expiry,
    address: row.address,
    phone: row.phone,
    nikIssues: nik.issues,
    statusHistory: history.map((e) => ({
      id: e.id,
      status: e.status,
      effectiveDate: e.effective_date,
      note: e.note,
      recordedBy: e.recorded_by,
      recordedAt: e.recorded_at.toISOString(),
    })),
    consents: consents.map((c) => ({
      id: c.id,
      basis: c.basis,
      givenByName: c.given_by_name,
      guardianPersonId: c.guardian_person_id,
      guardianRelationship: c.guardian_relationship,
      note: c.note,
      recordedBy: c.recorded_by,
      recordedAt: c.recorded_at.toISOString(),
      withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
      expiresAt: c.expires_at,
    })),
    links: links.map((l) => ({
      id: l.id,
      migrantId: l.migrant_id,
      relativeId: l.relative_id,
      relation: l.relation,
      other: { id: l.other_id, name: l.other_name, migrantStatus: l.other_status },
      direction: l.direction,
    })),
    family: family
      ? {
          id: family.id,
          noKk: mask(family.no_kk),
          noKkMasked: !full,
          headName: family.head_name,
          members: members.map((m) => ({ id: m.id, name: m.name, familyRelationship: m.family_relationship })),
        }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listPeople(pool: Pool, viewer: SessionUser, villageCode: string, query: ListPeopleQuery) {
  const nameKey = query.q ? normalizePersonName(query.q) : undefined;
  const { rows, total } = await repo.listPeople(pool, villageCode, { ...query, nameKey });
  return { items: rows.map((r) => toSummary(r, viewer)), total, page: query.page, pageSize: query.pageSize };
}

export async function recordMigrantStatus(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  personId: string,
  input: { id?: string; status: MigrantStatus; effectiveDate: string; note?: string | null },
): Promise<PersonDetail> {
  await withTransaction(pool, async (tx) => {
    const person = await loadPerson(tx, request, personId, true);
    const id = input.id ?? uuidv7();
    await repo.insertStatusEvent(tx, {
      id,
      personId,
      villageCode: person.village_code,
      status: input.status,
      effectiveDate: input.effectiveDate,
      note: input.note ?? null,
      recordedBy: actor.id,
    });
    const current = await repo.refreshMigrantStatus(tx, personId);
    await recordAudit(tx, request, {
      action: 'record_status',
      entityType: 'person',
      entityId: personId,
      regionCode: person.village_code,
      before: { migrantStatus: person.migrant_status },
      after: { migrantStatus: current, event: { id, status: input.status, effectiveDate: input.effectiveDate } },
    });
  });
  return getPerson(pool, request, actor, personId);
}

function ageOn(birthDate: string | null): number | null {
  if (!birthDate) return null;
  const today = todayInJakarta();
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty! - y! - (tm! < m! || (tm === m && td! < d!) ? 1 : 0);
}

export async function recordConsent(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  personId: string,
  input: {
    id?: string;
    basis: 'kewajiban_hukum' | 'persetujuan';
    givenByName?: string | null;
    guardianPersonId?: string | null;
    guardianRelationship?: string | null;
    note?: string | null;
    expiresAt?: string | null;
  },
): Promise<PersonDetail> {
  await withTransaction(pool, async (tx) => {
    const person = await loadPerson(tx, request, personId);
    const age = ageOn(person.birth_date);
    // UU 27/2022: a child's data needs the consent of a parent or guardian, not the child's own.
    if (input.basis === 'persetujuan' && age !== null && age < 18 && !input.guardianRelationship) {
      throw validationFailed([
        { path: 'guardianRelationship', message: 'Untuk anak di bawah 18 tahun, persetujuan diberikan orang tua atau wali: isi hubungannya' },
      ]);
    }
    if (input.guardianPersonId) await loadPerson(tx, request, input.guardianPersonId);
    const id = input.id ?? uuidv7();
    await repo.insertConsent(tx, {
      id,
      personId,
      villageCode: person.village_code,
      basis: input.basis,
      givenByName: input.givenByName ?? null,
      guardianPersonId: input.guardianPersonId ?? null,
      guardianRelationship: input.guardianRelationship ?? null,
      note: input.note ?? null,
      recordedBy: actor.id,
      expiresAt: input.expiresAt ?? null,
    });
    await recordAudit(tx, request, { action: 'record_consent', entityType: 'person', entityId: personId, regionCode: person.village_code, after: { ...input, id } });
  });
  return getPerson(pool, request, actor, personId);
}

export async function withdrawConsent(pool: Pool, request: FastifyRequest, actor: SessionUser, personId: string, consentId: string) {
  await withTransaction(pool, async (tx) => {
    const person = await loadPerson(tx, request, personId);
    const withdrawn = await repo.withdrawConsent(tx, personId, consentId, actor.id);
    if (!withdrawn) throw notFound('Persetujuan yang masih berlaku');
    await recordAudit(tx, request, { action: 'withdraw_consent', entityType: 'person', entityId: personId, regionCode: person.village_code, after: { consentId } });
  });
  return getPerson(pool, request, actor, personId);
}

export async function addFamilyLink(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  migrantId: string,
  input: { id?: string; relativeId: string; relation: string },
): Promise<PersonDetail> {
  await withTransaction(pool, async (tx) => {
    const migrant = await loadPerson(tx, request, migrantId);
    const relative = await loadPerson(tx, request, input.relativeId);
    if (migrant.id === relative.id) throw validationFailed([{ path: 'relativeId', message: 'Pilih orang lain, bukan dirinya sendiri' }]);
    if (relative.village_code !== migrant.village_code) {
      throw validationFailed([{ path: 'relativeId', message: 'Keluarga yang ditinggal harus tercatat di desa yang sama' }]);
    }
    const id = input.id ?? uuidv7();
    const inserted = await tx.query(
      `INSERT INTO migrant_family_links (id, village_code, migrant_id, relative_id, relation, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [id, migrant.village_code, migrant.id, relative.id, input.relation, actor.id],
    );
    if (!inserted.rowCount) return;
    await recordAudit(tx, request, {
      action: 'link_family',
      entityType: 'person',
      entityId: migrantId,
      regionCode: migrant.village_code,
      after: { id, relativeId: relative.id, relation: input.relation },
    });
  });
  return getPerson(pool, request, actor, migrantId);
}

export async function removeFamilyLink(pool: Pool, request: FastifyRequest, actor: SessionUser, personId: string, linkId: string) {
  await withTransaction(pool, async (tx) => {
    const person = await loadPerson(tx, request, personId);
    const { rows } = await tx.query(
      `UPDATE migrant_family_links SET deleted_at = now() WHERE id = $1 AND (migrant_id = $2 OR relative_id = $2)
         AND deleted_at IS NULL RETURNING relative_id, relation`,
      [linkId, personId],
    );
    if (!rows[0]) throw notFound('Hubungan keluarga');
    await recordAudit(tx, request, { action: 'unlink_family', entityType: 'person', entityId: personId, regionCode: person.village_code, before: { id: linkId, ...rows[0] } });
  });
  return getPerson(pool, request, actor, personId);
}
