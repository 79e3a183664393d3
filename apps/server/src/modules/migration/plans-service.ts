import {
  type AgencyLicenceStatus,
  type CreateMigrationPlanRequest,
  type DocumentKind,
  type DocumentStatus,
  type MigrationPlanDetail,
  type MigrationPlanInput,
  type PutMigrationDocumentRequest,
  type ScanContentType,
  type SessionUser,
  type UpdateMigrationPlanRequest,
  destinationCountryName,
} from '@desmigratif/contracts';
import { assessReadiness, computeDocumentChecklist, evaluateRedFlags, type MigrantPerson, type PlanDocument, todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import * as people from '../people/repository.js';
import { recordPlanRead } from '../privacy/sensitive-read.js';
import { lookupAgencyLicence } from './agencies-service.js';
import * as letters from './letters-repository.js';
import * as repo from './plans-repository.js';

function planInputOf(row: repo.PlanRow): MigrationPlanInput {
  return {
    destinationCountry: row.destination_country as MigrationPlanInput['destinationCountry'],
    occupation: row.occupation,
    feeFreeOccupation: row.fee_free_occupation as MigrationPlanInput['feeFreeOccupation'],
    sector: row.sector as MigrationPlanInput['sector'],
    scheme: row.scheme as MigrationPlanInput['scheme'],
    agencyName: row.agency_name,
    agencyLicenceNumber: row.agency_licence_number,
    jobOrderReference: row.job_order_reference,
    expectedDepartureDate: row.expected_departure_date,
    visaType: row.visa_type as MigrationPlanInput['visaType'],
    feesAskedRupiah: row.fees_asked_rupiah === null ? null : Number(row.fees_asked_rupiah),
    feesToPersonalAccount: row.fees_to_personal_account,
    recruiterContact: row.recruiter_contact as MigrationPlanInput['recruiterContact'],
    shelterBeforeDocuments: row.shelter_before_documents,
    contractReadable: row.contract_readable,
  };
}

function personOf(row: repo.PlanRow): MigrantPerson {
  return { nik: row.person_nik, birthDate: row.person_birth_date, sex: row.person_sex, maritalStatus: row.person_marital_status };
}

const planDocumentsOf = (docs: readonly repo.DocumentRow[]): PlanDocument[] =>
  docs.map((d) => ({ kind: d.kind as DocumentKind, status: d.status as DocumentStatus, expiresOn: d.expires_on }));

/** Checklist, readiness and red flags of one plan, all from the pure rules of the domain package. */
function assess(row: repo.PlanRow, docs: readonly repo.DocumentRow[], agencyLicence: AgencyLicenceStatus, today: string) {
  const plan = planInputOf(row);
  const person = personOf(row);
  const documents = planDocumentsOf(docs);
  return {
    plan,
    checklist: computeDocumentChecklist(plan, person, documents, { today }),
    readiness: assessReadiness(plan, person, documents, { today }),
    redFlags: evaluateRedFlags(plan, { person, documents, agencyLicence, today }),
  };
}

/** Loads a live plan inside the viewer's scope (record-level scope). */
export async function loadPlan(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const row = await repo.findPlan(db, id, forUpdate);
  if (!row || row.deleted_at) throw notFound('Rencana migrasi');
  assertInScope(request, row.village_code);
  return row;
}

function valuesOf(input: Partial<MigrationPlanInput>) {
  const values: Partial<Record<repo.PlanField, unknown>> = {};
  for (const field of Object.keys(repo.planColumns) as repo.PlanField[]) {
    if (input[field] !== undefined) values[field] = input[field];
  }
  return values;
}

/**
 * A prospective migrant's plan. Creating one also records the person as calon PMI from
 * today (a dated status event, through the registry's own repository, in one transaction).
 */
export async function createPlan(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  personId: string,
  input: CreateMigrationPlanRequest,
): Promise<MigrationPlanDetail> {
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    const person = await people.findPerson(tx, personId, true);
    if (!person || person.deleted_at) throw notFound('Data orang');
    assertInScope(request, person.village_code);
    const existing = await repo.findPlan(tx, id);
    if (existing) {
      if (existing.person_id !== personId) throw new AppError(409, 'ID_TAKEN', 'ID data ini sudah dipakai.');
      return;
    }
    const { id: _id, ...fields } = input;
    const values = valuesOf(fields);
    await repo.insertPlan(tx, { id, villageCode: person.village_code, personId, createdBy: actor.id, values });
    if (person.migrant_status !== 'calon_pmi') {
      await people.insertStatusEvent(tx, {
        id: uuidv7(),
        personId,
        villageCode: person.village_code,
        status: 'calon_pmi',
        effectiveDate: todayInJakarta(),
        note: 'Rencana migrasi dibuat',
        recordedBy: actor.id,
      });
      await people.refreshMigrantStatus(tx, personId);
    }
    await recordAudit(tx, request, { action: 'create', entityType: 'migration_plan', entityId: id, regionCode: person.village_code, after: { id, personId, ...values } });
  });
  return getPlan(pool, request, id);
}

export async function getPlan(pool: Pool, request: FastifyRequest, id: string): Promise<MigrationPlanDetail> {
  const row = await loadPlan(pool, request, id);
  const docs = await repo.listDocuments(pool, [id]);
  await recordPlanRead(pool, request, row, docs);
  const agencyLicence = await lookupAgencyLicence(pool, { licenceNumber: row.agency_licence_number, name: row.agency_name });
  const { plan, ...assessment } = assess(row, docs, agencyLicence, todayInJakarta());
  return {
    ...plan,
    id: row.id,
    villageCode: row.village_code,
    personId: row.person_id,
    personName: row.person_name,
    status: row.status,
    agencyLicence,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    documents: docs.map((d) => ({
      kind: d.kind as DocumentKind,
      status: d.status,
      number: d.number,
      issuedOn: d.issued_on,
      expiresOn: d.expires_on,
      issuingOffice: d.issuing_office,
      updatedAt: d.updated_at.toISOString(),
    })),
    ...assessment,
    scans: (await letters.listScans(pool, id)).map((s) => ({
      kind: s.kind as DocumentKind,
      contentType: s.content_type as ScanContentType,
      sizeBytes: s.size_bytes,
      uploadedAt: s.uploaded_at.toISOString(),
    })),
  };
}

export async function updatePlan(pool: Pool, request: FastifyRequest, id: string, input: UpdateMigrationPlanRequest): Promise<MigrationPlanDetail> {
  await withTransaction(pool, async (tx) => {
    const current = await loadPlan(tx, request, id, true);
    if (input.version !== current.version) throw versionConflict();
    const { version: _version, status, ...fields } = input;
    const values = { ...valuesOf(fields), ...(status ? { status } : {}) };
    const currentValues: Record<string, unknown> = { ...planInputOf(current), status: current.status };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      if (currentValues[field] !== value) {
        before[field] = currentValues[field];
        after[field] = value;
      }
    }
    if (!Object.keys(after).length) return;
    await repo.updatePlan(tx, id, after as Parameters<typeof repo.updatePlan>[2]);
    await recordAudit(tx, request, { action: 'update', entityType: 'migration_plan', entityId: id, regionCode: current.village_code, before, after });
  });
  return getPlan(pool, request, id);
}

export async function putDocument(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  planId: string,
  kind: DocumentKind,
  input: PutMigrationDocumentRequest,
): Promise<MigrationPlanDetail> {
  await withTransaction(pool, async (tx) => {
    const plan = await loadPlan(tx, request, planId, true);
    const [before] = (await repo.listDocuments(tx, [planId])).filter((d) => d.kind === kind);
    const values = {
      status: input.status,
      number: input.number ?? null,
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      issuingOffice: input.issuingOffice ?? null,
    };
    await repo.upsertDocument(tx, { id: uuidv7(), planId, villageCode: plan.village_code, kind, updatedBy: actor.id, ...values });
    await recordAudit(tx, request, {
      action: 'record_document',
      entityType: 'migration_plan',
      entityId: planId,
      regionCode: plan.village_code,
      // The document number is sealed in its table; the audit keeps it masked (as documentNumber).
      before: before ? { kind, status: before.status, documentNumber: before.number, issuedOn: before.issued_on, expiresOn: before.expires_on, issuingOffice: before.issuing_office } : null,
      after: (({ number, ...rest }) => ({ kind, documentNumber: number, ...rest }))(values),
    });
  });
  return getPlan(pool, request, planId);
}

/** The officer's list: every plan of the village judged by the same rules as its detail page. */
export async function listPlans(pool: Pool, villageCode: string, query: { flagged?: boolean; ready?: boolean; status?: string }) {
  const rows = await repo.listPlans(pool, villageCode, query.status);
  const docs = await repo.listDocuments(pool, rows.map((r) => r.id));
  const docsByPlan = new Map<string, repo.DocumentRow[]>();
  for (const d of docs) docsByPlan.set(d.plan_id, [...(docsByPlan.get(d.plan_id) ?? []), d]);
  const today = todayInJakarta();
  const licences = new Map<string, AgencyLicenceStatus>();
  const items = [];
  for (const row of rows) {
    const key = `${row.agency_licence_number ?? ''}\u0000${(row.agency_name ?? '').toLowerCase()}`;
    if (!licences.has(key)) licences.set(key, await lookupAgencyLicence(pool, { licenceNumber: row.agency_licence_number, name: row.agency_name }, today));
    const { readiness, redFlags } = assess(row, docsByPlan.get(row.id) ?? [], licences.get(key)!, today);
    items.push({
      id: row.id,
      personId: row.person_id,
      personName: row.person_name,
      destinationCountry: row.destination_country,
      destinationName: destinationCountryName(row.destination_country),
      occupation: row.occupation,
      status: row.status,
      expectedDepartureDate: row.expected_departure_date,
      ready: readiness.ready,
      missingCount: readiness.missing.length,
      blockerCount: readiness.blockers.length,
      redFlagCount: redFlags.length,
      highRedFlagCount: redFlags.filter((f) => f.severity === 'tinggi').length,
    });
  }
  const filtered = items.filter(
    (i) => (query.flagged === undefined || i.redFlagCount > 0 === query.flagged) && (query.ready === undefined || i.ready === query.ready),
  );
  return { items: filtered, total: filtered.length };
}
