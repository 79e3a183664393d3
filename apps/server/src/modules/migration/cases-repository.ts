import type { Queryable } from '@desmigratif/db';

export type CaseRow = {
  id: string;
  village_code: string;
  village_name: string;
  migrant_person_id: string;
  migrant_name: string;
  reporter_person_id: string | null;
  reporter_name: string;
  reporter_relation: string | null;
  reporter_phone: string | null;
  case_type: string;
  description: string;
  incident_country: string | null;
  status: 'baru' | 'ditangani_desa' | 'dirujuk_kabupaten' | 'selesai';
  status_since: Date;
  closed_at: Date | null;
  created_at: Date;
  version: string;
  deleted_at: Date | null;
};

export type CaseEventRow = {
  id: string;
  kind: 'dibuka' | 'status' | 'catatan';
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  actor_name: string | null;
  at: Date;
};

const selectCase = `SELECT c.id, c.village_code, r.name AS village_name, c.migrant_person_id, m.name AS migrant_name,
  c.reporter_person_id, COALESCE(rp.name, c.reporter_name) AS reporter_name, c.reporter_relation, c.reporter_phone,
  c.case_type, c.description, c.incident_country, c.status, c.status_since, c.closed_at, c.created_at,
  c.version::text AS version, c.deleted_at
  FROM migration_cases c
  JOIN regions r ON r.code = c.village_code
  JOIN people m ON m.id = c.migrant_person_id
  LEFT JOIN people rp ON rp.id = c.reporter_person_id`;

export async function findCase(db: Queryable, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const { rows } = await db.query<CaseRow>(`${selectCase} WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`, [id]);
  return rows[0];
}

/**
 * Live cases whose village lies under `regionPrefix` ('' = the whole country), by status
 * and type; the SLA (overdue) is judged by the caller with the domain's rule.
 */
export async function listCases(db: Queryable, regionPrefix: string, filter: { status?: string; type?: string; open?: boolean }): Promise<CaseRow[]> {
  const { rows } = await db.query<CaseRow>(
    `${selectCase} WHERE c.deleted_at IS NULL AND c.village_code LIKE $1 || '%'
        AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.case_type = $3)
        AND ($4::boolean IS NULL OR (c.status <> 'selesai') = $4)
      ORDER BY c.status_since, c.id`,
    [regionPrefix, filter.status ?? null, filter.type ?? null, filter.open ?? null],
  );
  return rows;
}

export async function insertCase(
  db: Queryable,
  c: {
    id: string;
    villageCode: string;
    migrantPersonId: string;
    reporterPersonId: string | null;
    reporterName: string | null;
    reporterRelation: string | null;
    reporterPhone: string | null;
    caseType: string;
    description: string;
    incidentCountry: string | null;
    openedBy: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO migration_cases (id, village_code, migrant_person_id, reporter_person_id, reporter_name, reporter_relation,
        reporter_phone, case_type, description, incident_country, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [c.id, c.villageCode, c.migrantPersonId, c.reporterPersonId, c.reporterName, c.reporterRelation, c.reporterPhone, c.caseType, c.description, c.incidentCountry, c.openedBy],
  );
}

/** Moves the case to `status` from now (the SLA starts again); a closed case gets its closing time. */
export async function setStatus(db: Queryable, id: string, status: string): Promise<void> {
  await db.query(
    `UPDATE migration_cases SET status = $2, status_since = now(), closed_at = CASE WHEN $2 = 'selesai' THEN now() ELSE NULL END WHERE id = $1`,
    [id, status],
  );
}

export async function insertEvent(
  db: Queryable,
  e: { id: string; caseId: string; villageCode: string; kind: CaseEventRow['kind']; fromStatus: string | null; toStatus: string | null; note: string | null; actorId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO migration_case_events (id, case_id, village_code, kind, from_status, to_status, note, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.id, e.caseId, e.villageCode, e.kind, e.fromStatus, e.toStatus, e.note, e.actorId],
  );
}

/** The case's timeline, oldest first. */
export async function listEvents(db: Queryable, caseId: string): Promise<CaseEventRow[]> {
  const { rows } = await db.query<CaseEventRow>(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.note, u.full_name AS actor_name, e.at
       FROM migration_case_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.case_id = $1 ORDER BY e.at, e.id`,
    [caseId],
  );
  return rows;
}
