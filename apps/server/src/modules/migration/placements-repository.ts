import type { Queryable } from '@desmigratif/db';

export type PlacementRow = {
  id: string;
  village_code: string;
  person_id: string;
  person_name: string;
  plan_id: string | null;
  departure_date: string;
  destination_country: string;
  employer: string | null;
  agency_id: string | null;
  agency_name: string | null;
  contract_start: string | null;
  contract_end: string | null;
  notes: string | null;
  return_date: string | null;
  return_reason: string | null;
  skills_gained: string | null;
  savings_plan: string | null;
  reintegration_needs: string[];
  return_notes: string | null;
  created_at: Date;
  version: string;
  deleted_at: Date | null;
};

/** Departure fields and their columns, in one place for insert and update. */
export const placementColumns = {
  departureDate: 'departure_date',
  destinationCountry: 'destination_country',
  employer: 'employer',
  agencyId: 'agency_id',
  agencyName: 'agency_name',
  contractStart: 'contract_start',
  contractEnd: 'contract_end',
  notes: 'notes',
} as const;
export type PlacementField = keyof typeof placementColumns;
export type PlacementValues = Partial<Record<PlacementField, string | null>>;

const selectPlacement = `SELECT m.id, m.village_code, m.person_id, p.name AS person_name, m.plan_id,
  to_char(m.departure_date, 'YYYY-MM-DD') AS departure_date, m.destination_country, m.employer, m.agency_id, m.agency_name,
  to_char(m.contract_start, 'YYYY-MM-DD') AS contract_start, to_char(m.contract_end, 'YYYY-MM-DD') AS contract_end, m.notes,
  to_char(m.return_date, 'YYYY-MM-DD') AS return_date, m.return_reason, m.skills_gained, m.savings_plan, m.reintegration_needs,
  m.return_notes, m.created_at, m.version::text AS version, m.deleted_at
  FROM migration_placements m JOIN people p ON p.id = m.person_id`;

export async function findPlacement(db: Queryable, id: string, forUpdate = false): Promise<PlacementRow | undefined> {
  const { rows } = await db.query<PlacementRow>(`${selectPlacement} WHERE m.id = $1 ${forUpdate ? 'FOR UPDATE OF m' : ''}`, [id]);
  return rows[0];
}

/** A person's stays abroad, the latest first. */
export async function listPersonPlacements(db: Queryable, personId: string): Promise<PlacementRow[]> {
  const { rows } = await db.query<PlacementRow>(
    `${selectPlacement} WHERE m.person_id = $1 AND m.deleted_at IS NULL ORDER BY m.departure_date DESC, m.id DESC`,
    [personId],
  );
  return rows;
}

/** The person's stay abroad that has no return yet, if any. */
export async function findOpenPlacement(db: Queryable, personId: string): Promise<PlacementRow | undefined> {
  const { rows } = await db.query<PlacementRow>(
    `${selectPlacement} WHERE m.person_id = $1 AND m.deleted_at IS NULL AND m.return_date IS NULL`,
    [personId],
  );
  return rows[0];
}

/** A village's placements: `abroad` (no return yet) or `returned`; the contract-ending rule is applied by the caller. */
export async function listVillagePlacements(
  db: Queryable,
  villageCode: string,
  filter: { returned?: boolean; country?: string },
): Promise<PlacementRow[]> {
  const { rows } = await db.query<PlacementRow>(
    `${selectPlacement} WHERE m.village_code = $1 AND m.deleted_at IS NULL
        AND ($2::boolean IS NULL OR (m.return_date IS NOT NULL) = $2)
        AND ($3::text IS NULL OR m.destination_country = $3)
      ORDER BY (m.return_date IS NULL) DESC, m.contract_end NULLS LAST, m.departure_date DESC, p.name, m.id`,
    [villageCode, filter.returned ?? null, filter.country ?? null],
  );
  return rows;
}

export async function insertPlacement(
  db: Queryable,
  p: { id: string; villageCode: string; personId: string; planId: string | null; createdBy: string; values: PlacementValues },
): Promise<void> {
  const fields = Object.keys(p.values) as PlacementField[];
  const columns = ['id', 'village_code', 'person_id', 'plan_id', 'created_by', ...fields.map((f) => placementColumns[f])];
  const params = [p.id, p.villageCode, p.personId, p.planId, p.createdBy, ...fields.map((f) => p.values[f] ?? null)];
  await db.query(`INSERT INTO migration_placements (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`, params);
}

export async function updatePlacement(db: Queryable, id: string, values: PlacementValues): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [field, value] of Object.entries(values)) {
    params.push(value ?? null);
    sets.push(`${placementColumns[field as PlacementField]} = $${params.length}`);
  }
  if (sets.length) await db.query(`UPDATE migration_placements SET ${sets.join(', ')} WHERE id = $1`, params);
}

export async function recordReturn(
  db: Queryable,
  id: string,
  r: {
    returnDate: string;
    reason: string;
    skillsGained: string | null;
    savingsPlan: string | null;
    reintegrationNeeds: readonly string[];
    notes: string | null;
    recordedBy: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE migration_placements SET return_date = $2, return_reason = $3, skills_gained = $4, savings_plan = $5,
            reintegration_needs = $6, return_notes = $7, returned_recorded_by = $8
      WHERE id = $1`,
    [id, r.returnDate, r.reason, r.skillsGained, r.savingsPlan, r.reintegrationNeeds, r.notes, r.recordedBy],
  );
}

/** Marks the plan the person left under as `berangkat`; returns its status before, or undefined when it is not theirs. */
export async function markPlanDeparted(db: Queryable, planId: string, personId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ status: string }>(
    `SELECT status FROM migration_plans WHERE id = $1 AND person_id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [planId, personId],
  );
  if (!rows[0]) return undefined;
  if (rows[0].status !== 'berangkat') await db.query(`UPDATE migration_plans SET status = 'berangkat' WHERE id = $1`, [planId]);
  return rows[0].status;
}

export async function findAgencyName(db: Queryable, agencyId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM placement_agencies WHERE id = $1`, [agencyId]);
  return rows[0]?.name;
}
