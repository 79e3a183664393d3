import { keyring, SEALED_COLUMNS, type Queryable } from '@desmigratif/db';

// ---------------------------------------------------------------- records of one person

/**
 * Ids of every record that is about a person: the person, their plans, placements, cases
 * (as migrant or reporter), service visits, letters (as holder or permission giver) and
 * data-subject requests. The audit log names records by these ids.
 */
const personRecordIdsSql = `
  SELECT $1::uuid::text AS id
  UNION SELECT id::text FROM migration_plans WHERE person_id = $1
  UNION SELECT id::text FROM migration_placements WHERE person_id = $1
  UNION SELECT id::text FROM migration_cases WHERE migrant_person_id = $1 OR reporter_person_id = $1
  UNION SELECT id::text FROM migration_services WHERE person_id = $1
  UNION SELECT l.id::text FROM letters l JOIN migration_plans p ON p.id = l.plan_id WHERE p.person_id = $1 OR l.family_member_id = $1
  UNION SELECT id::text FROM data_subject_requests WHERE person_id = $1`;

export type AccessLogRow = {
  id: string;
  at: Date;
  actor_username: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  what: string | null;
  ip: string | null;
};

/**
 * Audit entries of the person's village about the person: on one of their records, or
 * naming one of them in the recorded content (a link to a relative, a letter's permission
 * giver). Village-wide exports record only counts, so they cannot be attributed.
 */
export async function listAccessLog(
  db: Queryable,
  personId: string,
  villageCode: string,
  options: { readsOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const where = `a.region_code = $2
    AND (a.entity_id IN (SELECT id FROM ids)
         OR EXISTS (SELECT 1 FROM ids WHERE strpos(coalesce(a.after::text, '') || coalesce(a.before::text, ''), ids.id) > 0))
    ${options.readsOnly ? `AND a.action IN ('read_sensitive', 'export_person_data')` : ''}`;
  const total = await db.query<{ n: number }>(`WITH ids AS (${personRecordIdsSql}) SELECT count(*)::int AS n FROM audit_log a WHERE ${where}`, [personId, villageCode]);
  const { rows } = await db.query<AccessLogRow>(
    `WITH ids AS (${personRecordIdsSql})
     SELECT a.id::text, a.at, a.actor_username, u.full_name AS actor_name, a.action, a.entity_type, a.entity_id,
            CASE WHEN a.action IN ('read_sensitive', 'export_person_data') THEN a.after->>'what' END AS what, a.ip
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE ${where}
      ORDER BY a.at DESC, a.id DESC
      LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`,
    [personId, villageCode],
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

type JsonRow = Record<string, unknown>;

async function jsonRows(db: Queryable, sql: string, params: unknown[]): Promise<JsonRow[]> {
  const { rows } = await db.query<{ r: JsonRow }>(sql, params);
  return rows.map((row) => row.r);
}

/** Bookkeeping columns that tell the person nothing about their data (or are secrets: letter tokens, file paths). */
const internal = `- 'version' - 'sync_xid' - 'name_key' - 'storage_id' - 'token' - 'merged_into' - 'erasure_files' - 'nik_bidx' - 'no_kk_bidx' - 'nik_temporary'`;

/** Sealed (bytea) columns arrive from to_jsonb as '\\x…' hex text: opened for the handover. */
function openSealedJson(rows: JsonRow[], columns: readonly string[]): JsonRow[] {
  return rows.map((row) => {
    const out: JsonRow = { ...row };
    for (const c of columns) {
      const v = out[c];
      if (typeof v === 'string' && v.startsWith('\\x')) out[c] = keyring().open(Buffer.from(v.slice(2), 'hex'));
    }
    return out;
  });
}

/** Everything the village holds about one person, as rows with their column names. */
export async function personDataset(db: Queryable, personId: string) {
  const one = (sql: string) => jsonRows(db, sql, [personId]);
  const [person, statusHistory, family, familyCards, links, consents, services, plans, documents, scans, placements, cases, caseEvents, letters, requests] =
    await Promise.all([
      one(`SELECT to_jsonb(p) ${internal} AS r FROM people p WHERE p.id = $1`),
      one(`SELECT to_jsonb(e) ${internal} AS r FROM migrant_status_events e WHERE person_id = $1 ORDER BY effective_date, recorded_at`),
      one(`SELECT to_jsonb(f) ${internal} AS r FROM families f JOIN people p ON p.family_id = f.id WHERE p.id = $1`),
      one(`SELECT to_jsonb(c) ${internal} AS r FROM family_card_numbers c JOIN people p ON p.family_id = c.family_id WHERE p.id = $1 ORDER BY c.valid_from`),
      one(`SELECT to_jsonb(l) ${internal} || jsonb_build_object('nama_migran', m.name, 'nama_kerabat', r.name) AS r
             FROM migrant_family_links l JOIN people m ON m.id = l.migrant_id JOIN people r ON r.id = l.relative_id
            WHERE (l.migrant_id = $1 OR l.relative_id = $1) AND l.deleted_at IS NULL`),
      one(`SELECT to_jsonb(c) ${internal} AS r FROM person_consents c WHERE person_id = $1 ORDER BY recorded_at`),
      one(`SELECT to_jsonb(s) ${internal} AS r FROM migration_services s WHERE person_id = $1 AND deleted_at IS NULL ORDER BY service_date`),
      one(`SELECT to_jsonb(m) ${internal} AS r FROM migration_plans m WHERE person_id = $1 AND deleted_at IS NULL ORDER BY created_at`),
      one(`SELECT to_jsonb(d) ${internal} AS r FROM migration_documents d JOIN migration_plans m ON m.id = d.plan_id WHERE m.person_id = $1 ORDER BY d.plan_id, d.kind`),
      one(`SELECT to_jsonb(s) ${internal} AS r FROM migration_document_scans s JOIN migration_plans m ON m.id = s.plan_id WHERE m.person_id = $1 ORDER BY s.uploaded_at`),
      one(`SELECT to_jsonb(x) ${internal} AS r FROM migration_placements x WHERE person_id = $1 AND deleted_at IS NULL ORDER BY departure_date`),
      one(`SELECT to_jsonb(c) ${internal} AS r FROM migration_cases c WHERE (migrant_person_id = $1 OR reporter_person_id = $1) AND deleted_at IS NULL ORDER BY created_at`),
      one(`SELECT to_jsonb(e) ${internal} AS r FROM migration_case_events e JOIN migration_cases c ON c.id = e.case_id
            WHERE c.migrant_person_id = $1 OR c.reporter_person_id = $1 ORDER BY e.at`),
      one(`SELECT to_jsonb(l) ${internal} - 'sha256' AS r FROM letters l JOIN migration_plans m ON m.id = l.plan_id
            WHERE m.person_id = $1 OR l.family_member_id = $1 ORDER BY l.issued_at`),
      one(`SELECT to_jsonb(d) ${internal} AS r FROM data_subject_requests d WHERE person_id = $1 ORDER BY received_at`),
    ]);
  return {
    person: openSealedJson(person, SEALED_COLUMNS.people)[0],
    statusHistory,
    family: family[0] ?? null,
    familyCards: openSealedJson(familyCards, SEALED_COLUMNS.family_card_numbers),
    links,
    consents,
    services,
    plans,
    documents: openSealedJson(documents, SEALED_COLUMNS.migration_documents),
    scans,
    placements,
    cases,
    caseEvents,
    letters,
    dataSubjectRequests: requests,
  };
}

// ---------------------------------------------------------------- data-subject requests

export type RequestRow = {
  id: string;
  village_code: string;
  person_id: string;
  person_name: string;
  kind: string;
  requester_name: string;
  received_at: Date;
  due_at: Date;
  status: string;
  status_reason: string | null;
  notes: string | null;
  handled_by_name: string | null;
  closed_at: Date | null;
  erasure: StoredErasure | null;
  erasure_files: string[] | null;
  version: string;
};

/** `data_subject_requests.erasure`: what an erasure did (no content). */
export type StoredErasure = {
  categories: string[];
  items: Array<{ category: string; count: number }>;
  filesRemoved: number;
  erasedAt: string;
  erasedBy: string;
};

const requestSelect = `
  SELECT d.id, d.village_code, d.person_id, p.name AS person_name, d.kind, d.requester_name, d.received_at, d.due_at,
         d.status, d.status_reason, d.notes, u.full_name AS handled_by_name, d.closed_at, d.erasure, d.erasure_files, d.version::text
    FROM data_subject_requests d JOIN people p ON p.id = d.person_id LEFT JOIN users u ON u.id = d.handled_by`;

export async function findRequest(db: Queryable, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  const { rows } = await db.query<RequestRow>(`${requestSelect} WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE OF d' : ''}`, [id]);
  return rows[0];
}

export async function insertRequest(
  db: Queryable,
  r: { id: string; villageCode: string; personId: string; kind: string; requesterName: string; receivedAt: Date; dueAt: Date; notes: string | null; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO data_subject_requests (id, village_code, person_id, kind, requester_name, received_at, due_at, notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.id, r.villageCode, r.personId, r.kind, r.requesterName, r.receivedAt, r.dueAt, r.notes, r.createdBy],
  );
}

export async function moveRequest(db: Queryable, id: string, to: string, reason: string | null, handledBy: string): Promise<void> {
  await db.query(
    `UPDATE data_subject_requests
        SET status = $2, status_reason = coalesce($3, status_reason), handled_by = $4, updated_at = now(),
            closed_at = CASE WHEN $2 IN ('selesai', 'ditolak') THEN now() END
      WHERE id = $1`,
    [id, to, reason, handledBy],
  );
}

export async function listRequests(
  db: Queryable,
  villageCode: string,
  f: { status?: string; personId?: string; page: number; pageSize: number },
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = ['d.village_code = $1'];
  const params: unknown[] = [villageCode];
  if (f.status) where.push(`d.status = $${params.push(f.status)}`);
  if (f.personId) where.push(`d.person_id = $${params.push(f.personId)}`);
  const whereSql = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM data_subject_requests d WHERE ${whereSql}`, params);
  // Open requests first, the most urgent on top; closed ones after, newest first.
  const { rows } = await db.query<RequestRow>(
    `${requestSelect} WHERE ${whereSql}
      ORDER BY (d.status IN ('selesai', 'ditolak')), CASE WHEN d.status IN ('selesai', 'ditolak') THEN NULL ELSE d.due_at END, d.received_at DESC, d.id
      LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params,
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

// ---------------------------------------------------------------- erasure

/** A placement holding free text or reintegration answers given by the person. */
const placementNotesPresent = `(notes IS NOT NULL OR return_notes IS NOT NULL OR skills_gained IS NOT NULL OR savings_plan IS NOT NULL OR cardinality(reintegration_needs) > 0)`;

/**
 * Per erasure category, how many of the person's records hold data it would remove. Each
 * count uses the same condition as the erasure below, so "what may be erased" and "what
 * was erased" agree.
 */
export async function erasableCounts(db: Queryable, personId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM people WHERE id = $1 AND phone IS NOT NULL)::int
          + (SELECT count(*) FROM migration_cases WHERE reporter_person_id = $1 AND reporter_phone IS NOT NULL)::int AS telepon,
            (SELECT count(*) FROM migration_services WHERE person_id = $1 AND notes IS NOT NULL)::int AS catatan_layanan,
            (SELECT count(*) FROM migration_placements WHERE person_id = $1 AND ${placementNotesPresent})::int AS catatan_penempatan,
            (SELECT count(*) FROM migration_document_scans s JOIN migration_plans m ON m.id = s.plan_id WHERE m.person_id = $1)::int AS pindaian_dokumen,
            (SELECT count(*) FROM person_consents WHERE person_id = $1 AND basis = 'persetujuan' AND withdrawn_at IS NULL)::int AS persetujuan`,
    [personId],
  );
  return rows[0]!;
}

/** What the village keeps about the person whatever the request: shown beside the erasure choice. */
export async function retainedCounts(db: Queryable, personId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM migrant_status_events WHERE person_id = $1)::int
          + (SELECT count(*) FROM migration_plans WHERE person_id = $1 AND deleted_at IS NULL)::int
          + (SELECT count(*) FROM migration_placements WHERE person_id = $1 AND deleted_at IS NULL)::int AS pencatatan_pmi,
            (SELECT count(*) FROM migration_cases WHERE (migrant_person_id = $1 OR reporter_person_id = $1) AND deleted_at IS NULL)::int AS kasus,
            (SELECT count(*) FROM letters l JOIN migration_plans m ON m.id = l.plan_id WHERE m.person_id = $1 OR l.family_member_id = $1)::int AS surat`,
    [personId],
  );
  return rows[0]!;
}

/** The row count of a data-modifying statement wrapped as `WITH u AS (… RETURNING 1) SELECT count(*) AS n`. */
async function changed(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/**
 * Erases one category of the person's data and returns how many records changed; for scans,
 * also the storage ids of the files to remove once the transaction has committed. Synced
 * tables take a new row version through their triggers, so devices receive the emptied
 * values on their next pull. Open sync conflicts on the person's record lose the erased
 * field's values too, so that settling one cannot write the number back.
 */
export async function eraseCategory(db: Queryable, personId: string, category: string, actorId: string): Promise<{ count: number; storageIds: string[] }> {
  switch (category) {
    case 'telepon': {
      const count = await changed(
        db,
        `WITH p AS (UPDATE people SET phone = NULL, updated_at = now() WHERE id = $1 AND phone IS NOT NULL RETURNING 1),
              c AS (UPDATE migration_cases SET reporter_phone = NULL, updated_at = now()
                     WHERE reporter_person_id = $1 AND reporter_phone IS NOT NULL RETURNING 1)
         SELECT ((SELECT count(*) FROM p) + (SELECT count(*) FROM c))::int AS n`,
        [personId],
      );
      await db.query(
        `UPDATE sync_conflicts
            SET fields = (SELECT jsonb_agg(CASE WHEN f->>'field' = 'phone' THEN f || '{"base": null, "theirs": null, "mine": null}'::jsonb ELSE f END)
                            FROM jsonb_array_elements(fields) f),
                updated_at = now()
          WHERE table_name = 'people' AND record_id = $1 AND fields @> '[{"field": "phone"}]'`,
        [personId],
      );
      return { count, storageIds: [] };
    }
    case 'catatan_layanan': {
      const count = await changed(
        db,
        `WITH u AS (UPDATE migration_services SET notes = NULL, updated_at = now() WHERE person_id = $1 AND notes IS NOT NULL RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
        [personId],
      );
      return { count, storageIds: [] };
    }
    case 'catatan_penempatan': {
      const count = await changed(
        db,
        `WITH u AS (UPDATE migration_placements
                       SET notes = NULL, return_notes = NULL, skills_gained = NULL, savings_plan = NULL, reintegration_needs = '{}', updated_at = now()
                     WHERE person_id = $1 AND ${placementNotesPresent} RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
        [personId],
      );
      return { count, storageIds: [] };
    }
    case 'pindaian_dokumen': {
      const { rows } = await db.query<{ storage_id: string }>(
        `DELETE FROM migration_document_scans s USING migration_plans m WHERE s.plan_id = m.id AND m.person_id = $1 RETURNING s.storage_id`,
        [personId],
      );
      return { count: rows.length, storageIds: rows.map((r) => r.storage_id) };
    }
    case 'persetujuan': {
      const count = await changed(
        db,
        `WITH u AS (UPDATE person_consents SET withdrawn_at = now(), withdrawn_by = $2
                     WHERE person_id = $1 AND basis = 'persetujuan' AND withdrawn_at IS NULL RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
        [personId, actorId],
      );
      return { count, storageIds: [] };
    }
    default:
      throw new Error(`Unknown erasure category: ${category}`);
  }
}

/** Closes the request as done, with what was erased and the files still to remove from disk. */
export async function completeErasure(db: Queryable, id: string, r: { erasure: StoredErasure; files: string[]; reason: string; handledBy: string }): Promise<void> {
  await db.query(
    `UPDATE data_subject_requests
        SET status = 'selesai', status_reason = $2, handled_by = $3, closed_at = now(), updated_at = now(), erasure = $4, erasure_files = $5
      WHERE id = $1`,
    [id, r.reason, r.handledBy, JSON.stringify(r.erasure), r.files.length ? r.files : null],
  );
}

/** The erasure's files are gone from disk: nothing left to finish. */
export async function clearErasureFiles(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE data_subject_requests SET erasure_files = NULL WHERE id = $1`, [id]);
}

// ---------------------------------------------------------------- retention and consents

export type RetentionRow = {
  record_type: string;
  label: string;
  keep_months: number;
  legal_basis: string;
  enforced: boolean;
  updated_at: Date;
  version: string;
};

const retentionSelect = `SELECT record_type, label, keep_months, legal_basis, enforced, updated_at, version::text FROM retention_rules`;

export async function listRetentionRules(db: Queryable): Promise<RetentionRow[]> {
  return (await db.query<RetentionRow>(`${retentionSelect} ORDER BY enforced DESC, label`)).rows;
}

export async function findRetentionRule(db: Queryable, recordType: string, forUpdate = false): Promise<RetentionRow | undefined> {
  return (await db.query<RetentionRow>(`${retentionSelect} WHERE record_type = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [recordType])).rows[0];
}

export async function updateRetentionRule(db: Queryable, recordType: string, keepMonths: number, legalBasis: string, by: string): Promise<void> {
  await db.query(`UPDATE retention_rules SET keep_months = $2, legal_basis = $3, updated_by = $4, updated_at = now() WHERE record_type = $1`, [
    recordType,
    keepMonths,
    legalBasis,
    by,
  ]);
}

/**
 * Removes the rejected rows (raw cells with NIKs) and the stored upload of every import
 * that finished more than `keepMonths` ago. Returns, per job, how many rows went.
 */
export async function purgeImportRejects(db: Queryable, keepMonths: number): Promise<Array<{ job_id: string; village_code: string; removed: number }>> {
  const { rows } = await db.query<{ job_id: string; village_code: string; removed: number }>(
    `WITH expired AS (
       SELECT id, village_code FROM import_jobs
        WHERE coalesce(finished_at, created_at) < now() - make_interval(months => $1)
          AND (file_content IS NOT NULL OR EXISTS (SELECT 1 FROM import_rejects r WHERE r.job_id = import_jobs.id))
        FOR UPDATE
     ), removed AS (
       DELETE FROM import_rejects r USING expired e WHERE r.job_id = e.id RETURNING r.job_id
     ), cleared AS (
       UPDATE import_jobs j SET file_content = NULL FROM expired e WHERE j.id = e.id RETURNING j.id
     )
     SELECT e.id AS job_id, e.village_code, (SELECT count(*)::int FROM removed WHERE removed.job_id = e.id) AS removed
       FROM expired e WHERE e.id IN (SELECT id FROM cleared)`,
    [keepMonths],
  );
  return rows;
}

export type ExpiredConsentRow = {
  consent_id: string;
  person_id: string;
  person_name: string;
  basis: string;
  given_by_name: string | null;
  recorded_at: Date;
  expires_on: string;
  reason: 'tanggal' | 'dewasa';
};

/**
 * Live consents of a village that no longer hold: past their last day (`expires_at` is the
 * last day the consent holds), or given by a parent or guardian while the person was a child
 * who has since turned 18 (the adult must now decide themselves). Whichever came first is
 * the reason shown.
 */
export async function listExpiredConsents(db: Queryable, villageCode: string, today: string): Promise<ExpiredConsentRow[]> {
  const { rows } = await db.query<ExpiredConsentRow>(
    `SELECT consent_id, person_id, person_name, basis, given_by_name, recorded_at,
            CASE WHEN by_adulthood THEN 'dewasa' ELSE 'tanggal' END AS reason,
            to_char(CASE WHEN by_adulthood THEN adult_on ELSE expires_at END, 'YYYY-MM-DD') AS expires_on
       FROM (
         SELECT *, coalesce(adult_on <= $2::date AND (expires_at IS NULL OR adult_on <= expires_at), false) AS by_adulthood
           FROM (
             SELECT c.id AS consent_id, c.person_id, p.name AS person_name, c.basis, c.given_by_name, c.recorded_at, c.expires_at,
                    CASE WHEN (c.guardian_person_id IS NOT NULL OR c.guardian_relationship IS NOT NULL)
                          AND (c.recorded_at AT TIME ZONE 'Asia/Jakarta')::date < (p.birth_date + interval '18 years')::date
                         THEN (p.birth_date + interval '18 years')::date END AS adult_on
               FROM person_consents c JOIN people p ON p.id = c.person_id
              WHERE c.village_code = $1 AND c.withdrawn_at IS NULL AND p.deleted_at IS NULL AND c.basis = 'persetujuan'
           ) c
       ) x
      WHERE by_adulthood OR expires_at < $2::date
      ORDER BY expires_on, person_name`,
    [villageCode, today],
  );
  return rows;
}

// ---------------------------------------------------------------- breach-response report

const readActions = `('read_sensitive', 'export_person_data')`;

export type BreachPersonRow = { person_id: string; name: string; village_code: string; reads: number; writes: number; first_at: Date; last_at: Date };
export type BreachVillageRow = { village_code: string; village_name: string | null; people: number; entries: number };

/** The account's audit entries in [from, to] (calendar days in WIB). */
const windowSql = `SELECT * FROM audit_log
   WHERE actor_id = $1 AND at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Jakarta' AND at < (($3::date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`;

/** Each entry joined to the people its record is about. */
const touchedSql = `
  SELECT e.id, e.action, e.at, e.entity_id::uuid AS person_id FROM e WHERE e.entity_type = 'person'
  UNION ALL SELECT e.id, e.action, e.at, x.person_id FROM e JOIN migration_plans x ON e.entity_type = 'migration_plan' AND x.id::text = e.entity_id
  UNION ALL SELECT e.id, e.action, e.at, x.person_id FROM e JOIN migration_placements x ON e.entity_type = 'migration_placement' AND x.id::text = e.entity_id
  UNION ALL SELECT e.id, e.action, e.at, x.person_id FROM e JOIN migration_services x ON e.entity_type = 'migration_service' AND x.id::text = e.entity_id AND x.person_id IS NOT NULL
  UNION ALL SELECT e.id, e.action, e.at, x.migrant_person_id FROM e JOIN migration_cases x ON e.entity_type = 'migration_case' AND x.id::text = e.entity_id
  UNION ALL SELECT e.id, e.action, e.at, x.reporter_person_id FROM e JOIN migration_cases x ON e.entity_type = 'migration_case' AND x.id::text = e.entity_id AND x.reporter_person_id IS NOT NULL
  UNION ALL SELECT e.id, e.action, e.at, m.person_id FROM e JOIN letters l ON e.entity_type = 'letter' AND l.id::text = e.entity_id JOIN migration_plans m ON m.id = l.plan_id
  UNION ALL SELECT e.id, e.action, e.at, l.family_member_id FROM e JOIN letters l ON e.entity_type = 'letter' AND l.id::text = e.entity_id AND l.family_member_id IS NOT NULL
  UNION ALL SELECT e.id, e.action, e.at, x.person_id FROM e JOIN data_subject_requests x ON e.entity_type = 'data_subject_request' AND x.id::text = e.entity_id`;

export async function breachReport(db: Queryable, userId: string, from: string, to: string) {
  const params = [userId, from, to];
  const [total, people, villages] = await Promise.all([
    db.query<{ n: number }>(`WITH e AS (${windowSql}) SELECT count(*)::int AS n FROM e`, params),
    db.query<BreachPersonRow>(
      `WITH e AS (${windowSql}), touched AS (${touchedSql}), per_entry AS (SELECT DISTINCT id, action, at, person_id FROM touched)
       SELECT t.person_id, p.name, p.village_code,
              count(*) FILTER (WHERE t.action IN ${readActions})::int AS reads,
              count(*) FILTER (WHERE t.action NOT IN ${readActions})::int AS writes,
              min(t.at) AS first_at, max(t.at) AS last_at
         FROM per_entry t JOIN people p ON p.id = t.person_id
        GROUP BY t.person_id, p.name, p.village_code
        ORDER BY p.village_code, p.name, t.person_id`,
      params,
    ),
    // Villages by the entries' region: this also counts village-wide exports, which name no one.
    db.query<BreachVillageRow>(
      `WITH e AS (${windowSql}), touched AS (${touchedSql})
       SELECT e.region_code AS village_code, r.name AS village_name,
              (SELECT count(DISTINCT t.person_id)::int FROM touched t JOIN people p ON p.id = t.person_id WHERE p.village_code = e.region_code) AS people,
              count(*)::int AS entries
         FROM e LEFT JOIN regions r ON r.code = e.region_code
        WHERE length(e.region_code) = 10
        GROUP BY e.region_code, r.name
        ORDER BY e.region_code`,
      params,
    ),
  ]);
  return { total: total.rows[0]?.n ?? 0, people: people.rows, villages: villages.rows };
}

export async function findUser(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; username: string; full_name: string; role: string; scope_code: string }>(
    `SELECT id, username, full_name, role, scope_code FROM users WHERE id = $1`,
    [id],
  );
  return rows[0];
}
