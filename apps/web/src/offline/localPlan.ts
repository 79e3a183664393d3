import type { DocumentKind, DocumentStatus, MigrationPlanDetail, MigrationPlanInput, PlanStatus } from '@desmigratif/contracts';
import { assessReadiness, computeDocumentChecklist, evaluateRedFlags, type MigrantPerson, type PlanDocument } from '@desmigratif/domain';
import type { LocalRow } from './db';

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
const int = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/**
 * The documents of one plan as the phone holds them, one per kind. A document ticked offline
 * for the first time gets an id made on the device; the server makes its own row (one per plan
 * and kind), which a later pull brings beside it. The server's row (version above '0') wins over
 * the device's; between rows of the same version the most recently changed wins.
 */
export function currentDocuments(rows: readonly LocalRow[]): LocalRow[] {
  const byKind = new Map<string, LocalRow>();
  for (const row of rows) {
    const kind = String(row.kind);
    const held = byKind.get(kind);
    if (!held || isNewer(row, held)) byKind.set(kind, row);
  }
  return [...byKind.values()];
}

function isNewer(row: LocalRow, than: LocalRow): boolean {
  const a = BigInt(row.version);
  const b = BigInt(than.version);
  if (a !== b) return a > b;
  return String(row.updated_at ?? '') > String(than.updated_at ?? '');
}

/** The plan's fields in the API's form, from the pulled snake_case row. */
function planInputOf(row: LocalRow): MigrationPlanInput {
  return {
    destinationCountry: String(row.destination_country) as MigrationPlanInput['destinationCountry'],
    occupation: String(row.occupation ?? ''),
    feeFreeOccupation: text(row.fee_free_occupation) as MigrationPlanInput['feeFreeOccupation'],
    sector: row.sector as MigrationPlanInput['sector'],
    scheme: row.scheme as MigrationPlanInput['scheme'],
    agencyName: text(row.agency_name),
    agencyLicenceNumber: text(row.agency_licence_number),
    jobOrderReference: text(row.job_order_reference),
    expectedDepartureDate: text(row.expected_departure_date),
    visaType: text(row.visa_type) as MigrationPlanInput['visaType'],
    feesAskedRupiah: int(row.fees_asked_rupiah),
    feesToPersonalAccount: bool(row.fees_to_personal_account),
    recruiterContact: text(row.recruiter_contact) as MigrationPlanInput['recruiterContact'],
    shelterBeforeDocuments: bool(row.shelter_before_documents),
    contractReadable: bool(row.contract_readable),
  };
}

/**
 * A plan's page without signal, computed on the phone with the same domain rules as the server
 * (checklist, readiness, red flags). The agency's licence cannot be checked against the registry
 * offline: it is `unknown`, which the page says. Scans are not kept on the phone.
 */
export function localPlanDetail(plan: LocalRow, person: LocalRow | undefined, documentRows: readonly LocalRow[], today: string): MigrationPlanDetail {
  const input = planInputOf(plan);
  const migrant: MigrantPerson = {
    nik: String(person?.nik ?? ''),
    birthDate: text(person?.birth_date),
    sex: int(person?.sex),
    maritalStatus: int(person?.marital_status),
  };
  const docs = currentDocuments(documentRows).map((row) => ({
    kind: row.kind as DocumentKind,
    status: String(row.status) as DocumentStatus,
    number: text(row.number),
    issuedOn: text(row.issued_on),
    expiresOn: text(row.expires_on),
    issuingOffice: text(row.issuing_office),
    updatedAt: String(row.updated_at ?? ''),
  }));
  const documents: PlanDocument[] = docs.map((d) => ({ kind: d.kind, status: d.status, expiresOn: d.expiresOn }));
  const agencyLicence = 'unknown' as const;
  return {
    ...input,
    id: plan.id,
    villageCode: plan.village_code,
    personId: String(plan.person_id),
    personName: String(person?.name ?? ''),
    status: (text(plan.status) ?? 'aktif') as PlanStatus,
    agencyLicence,
    createdAt: String(plan.created_at ?? ''),
    updatedAt: String(plan.updated_at ?? ''),
    version: plan.version,
    documents: docs,
    checklist: computeDocumentChecklist(input, migrant, documents, { today }),
    readiness: assessReadiness(input, migrant, documents, { today }),
    redFlags: evaluateRedFlags(input, { person: migrant, documents, agencyLicence, today }),
    scans: [],
  };
}
