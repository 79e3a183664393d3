import type { MigrationPlanInput } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';
import { openFields, sealValue } from '../../platform/sealed.js';

export type PlanRow = {
  id: string;
  village_code: string;
  person_id: string;
  person_name: string;
  person_nik: string;
  person_birth_date: string | null;
  person_sex: number | null;
  person_marital_status: number | null;
  destination_country: string;
  occupation: string;
  fee_free_occupation: string | null;
  sector: string;
  scheme: string;
  agency_name: string | null;
  agency_licence_number: string | null;
  job_order_reference: string | null;
  expected_departure_date: string | null;
  visa_type: string | null;
  fees_asked_rupiah: string | null;
  fees_to_personal_account: boolean | null;
  recruiter_contact: string | null;
  shelter_before_documents: boolean | null;
  contract_readable: boolean | null;
  status: 'aktif' | 'berangkat' | 'batal';
  created_at: Date;
  updated_at: Date;
  version: string;
};

export type DocumentRow = {
  plan_id: string;
  kind: string;
  status: string;
  number: string | null;
  issued_on: string | null;
  expires_on: string | null;
  issuing_office: string | null;
  updated_at: Date;
};

/** Plan fields and their columns, in one place for insert and update. */
export const planColumns = {
  destinationCountry: 'destination_country',
  occupation: 'occupation',
  feeFreeOccupation: 'fee_free_occupation',
  sector: 'sector',
  scheme: 'scheme',
  agencyName: 'agency_name',
  agencyLicenceNumber: 'agency_licence_number',
  jobOrderReference: 'job_order_reference',
  expectedDepartureDate: 'expected_departure_date',
  visaType: 'visa_type',
  feesAskedRupiah: 'fees_asked_rupiah',
  feesToPersonalAccount: 'fees_to_personal_account',
  recruiterContact: 'recruiter_contact',
  shelterBeforeDocuments: 'shelter_before_documents',
  contractReadable: 'contract_readable',
} as const satisfies Record<keyof MigrationPlanInput, string>;
export type PlanField = keyof typeof planColumns;

const selectPlan = `SELECT m.id, m.village_code, m.person_id, p.name AS person_name, p.nik AS person_nik,
  to_char(p.birth_date, 'YYYY-MM-DD') AS person_birth_date, p.sex AS person_sex, p.marital_status AS person_marital_status,
  m.destination_country, m.occupation, m.fee_free_occupation, m.sector, m.scheme, m.agency_name, m.agency_licence_number,
  m.job_order_reference, to_char(m.expected_departure_date, 'YYYY-MM-DD') AS expected_departure_date, m.visa_type,
  m.fees_asked_rupiah::text AS fees_asked_rupiah, m.fees_to_personal_account, m.recruiter_contact, m.shelter_before_documents,
  m.contract_readable, m.status, m.created_at, m.updated_at, m.version::text AS version
  FROM migration_plans m JOIN people p ON p.id = m.person_id`;

export async function findPlan(db: Queryable, id: string, forUpdate = false): Promise<(PlanRow & { deleted_at: Date | null }) | undefined> {
  const { rows } = await db.query<PlanRow & { deleted_at: Date | null }>(
    `${selectPlan.replace('m.version::text AS version', 'm.version::text AS version, m.deleted_at')} WHERE m.id = $1 ${forUpdate ? 'FOR UPDATE OF m' : ''}`,
    [id],
  );
  return rows[0] && openFields(rows[0], 'person_nik');
}

export async function listPlans(db: Queryable, villageCode: string, status?: string): Promise<PlanRow[]> {
  const { rows } = await db.query<PlanRow>(
    `${selectPlan} WHERE m.village_code = $1 AND m.deleted_at IS NULL AND ($2::text IS NULL OR m.status = $2)
      ORDER BY m.expected_departure_date NULLS LAST, p.name, m.id`,
    [villageCode, status ?? null],
  );
  return rows.map((r) => openFields(r, 'person_nik'));
}

type Values = Partial<Record<PlanField, unknown>>;

export async function insertPlan(db: Queryable, p: { id: string; villageCode: string; personId: string; createdBy: string; values: Values }) {
  const fields = Object.keys(p.values) as PlanField[];
  const columns = ['id', 'village_code', 'person_id', 'created_by', ...fields.map((f) => planColumns[f])];
  const params = [p.id, p.villageCode, p.personId, p.createdBy, ...fields.map((f) => p.values[f] ?? null)];
  await db.query(`INSERT INTO migration_plans (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`, params);
}

export async function updatePlan(db: Queryable, id: string, values: Values & { status?: string }) {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [field, value] of Object.entries(values)) {
    const column = field === 'status' ? 'status' : planColumns[field as PlanField];
    params.push(value ?? null);
    sets.push(`${column} = $${params.length}`);
  }
  if (!sets.length) return;
  await db.query(`UPDATE migration_plans SET ${sets.join(', ')} WHERE id = $1`, params);
}

export async function listDocuments(db: Queryable, planIds: readonly string[]): Promise<DocumentRow[]> {
  if (!planIds.length) return [];
  const { rows } = await db.query<DocumentRow>(
    `SELECT plan_id, kind, status, number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on,
            issuing_office, updated_at
       FROM migration_documents WHERE plan_id = ANY($1::uuid[]) ORDER BY kind`,
    [planIds],
  );
  return rows.map((r) => openFields(r, 'number'));
}

export async function upsertDocument(
  db: Queryable,
  d: { id: string; planId: string; villageCode: string; kind: string; status: string; number: string | null; issuedOn: string | null; expiresOn: string | null; issuingOffice: string | null; updatedBy: string },
) {
  await db.query(
    `INSERT INTO migration_documents (id, plan_id, village_code, kind, status, number, issued_on, expires_on, issuing_office, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (plan_id, kind) DO UPDATE SET status = EXCLUDED.status, number = EXCLUDED.number, issued_on = EXCLUDED.issued_on,
       expires_on = EXCLUDED.expires_on, issuing_office = EXCLUDED.issuing_office, updated_by = EXCLUDED.updated_by`,
    [d.id, d.planId, d.villageCode, d.kind, d.status, sealValue(d.number), d.issuedOn, d.expiresOn, d.issuingOffice, d.updatedBy],
  );
}
