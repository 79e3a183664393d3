import type { MigrantStatus } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';
import { nikLookup, openPersonRow, sealPersonValues } from '../repository.js';
import type { StoredReason } from './matching.js';

/** A person as the duplicate screens show and compare them, with the names of their regions. */
export type RecordRow = {
  id: string;
  village_code: string;
  village_name: string;
  district_name: string;
  regency_name: string;
  province_name: string;
  nik: string;
  name: string;
  sex: number;
  birth_place: string | null;
  birth_date: string | null;
  father_name: string | null;
  mother_name: string | null;
  dusun: string | null;
  rw: string | null;
  rt: string | null;
  migrant_status: MigrantStatus;
  deleted: boolean;
};

const recordColumns = `p.id, p.village_code, v.name AS village_name, d.name AS district_name, k.name AS regency_name,
  pr.name AS province_name, p.nik, p.name, p.sex, p.birth_place, p.birth_date, p.father_name, p.mother_name,
  p.dusun, p.rw, p.rt, p.migrant_status, p.deleted_at IS NOT NULL AS deleted`;
const regionJoins = `JOIN regions v ON v.code = p.village_code
  JOIN regions d ON d.code = left(p.village_code, 6)
  JOIN regions k ON k.code = left(p.village_code, 4)
  JOIN regions pr ON pr.code = left(p.village_code, 2)`;

export async function loadRecords(db: Queryable, ids: readonly string[]): Promise<Map<string, RecordRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<RecordRow>(`SELECT ${recordColumns} FROM people p ${regionJoins} WHERE p.id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, openPersonRow(r)]));
}

export type SuggestionSearch = {
  villageCode: string;
  /** normalizePersonName(name), or null when only a NIK was typed. */
  nameKey: string | null;
  birthDate: string | null;
  nik: string | null;
  excludeId: string | null;
  similarityThreshold: number;
};

/**
 * Candidates for the person being typed: similar names in the village (the trigram GiST
 * index, nearest first), everyone in the village born that day, and the same NIK anywhere
 * in the country — the caller decides what of the last may be shown. Temporary NIKs
 * (0 + village code + sequence) are never compared.
 */
export async function findSuggestionCandidates(db: Queryable, s: SuggestionSearch): Promise<RecordRow[]> {
  await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(s.similarityThreshold)]);
  const { rows } = await db.query<RecordRow>(
    `WITH found AS (
       (SELECT id FROM people
         WHERE village_code = $1 AND deleted_at IS NULL AND $2::text IS NOT NULL AND name_key % $2::text
         ORDER BY name_key <-> $2::text LIMIT 50)
       UNION
       (SELECT id FROM people
         WHERE village_code = $1 AND deleted_at IS NULL AND birth_date = $3::date
         ORDER BY similarity(name_key, coalesce($2::text, '')) DESC LIMIT 100)
       UNION
       (SELECT id FROM people WHERE nik_bidx = ANY($4::bytea[]) AND NOT nik_temporary AND deleted_at IS NULL LIMIT 50)
     )
     SELECT ${recordColumns} FROM found f JOIN people p ON p.id = f.id ${regionJoins}
      WHERE p.id IS DISTINCT FROM $5::uuid`,
    [s.villageCode, s.nameKey, s.birthDate, s.nik && !s.nik.startsWith('0') ? nikLookup(s.nik) : [], s.excludeId],
  );
  return rows.map(openPersonRow);
}

/** Takes up to `limit` queued people of a region off the queue. */
export async function claimQueued(db: Queryable, scope: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    `WITH claimed AS (
       DELETE FROM duplicate_scan_queue WHERE (person_id, village_code) IN (
         SELECT person_id, village_code FROM duplicate_scan_queue WHERE village_code LIKE $1 || '%' LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING person_id)
     SELECT DISTINCT person_id FROM claimed`,
    [scope, limit],
  );
  return rows.map((r) => r.person_id);
}

export async function deleteCandidatesOf(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query(`DELETE FROM duplicate_candidates WHERE person_a = ANY($1::uuid[]) OR person_b = ANY($1::uuid[])`, [ids]);
}

/**
 * Pairs worth judging for the given (live) people, each as [smaller id, larger id]:
 * - the same NIK anywhere (not temporary NIKs);
 * - the same folded name and birth date anywhere (someone recorded in two villages);
 * - in the same village, the same birth date and a similar name;
 * - in the same village, the same mother and a similar name.
 * At most `perRule` matches per person and rule: a placeholder birth date or NIK shared
 * by hundreds must not make tens of thousands of pairs.
 */
export async function findCandidatePairs(
  db: Queryable,
  ids: readonly string[],
  bars: { nameWithBirthDate: number; nameWithParent: number; perRule: number },
): Promise<Array<[string, string]>> {
  const { rows } = await db.query<{ a: string; b: string }>(
    `WITH q AS MATERIALIZED (
       SELECT id, village_code, nik_bidx, nik_temporary, name_key, name_fold, mother_name_fold, birth_date
         FROM people WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
     )
     SELECT DISTINCT least(q.id, o.id) AS a, greatest(q.id, o.id) AS b
       FROM q CROSS JOIN LATERAL (
         (SELECT p.id FROM people p
           WHERE p.nik_bidx = q.nik_bidx AND NOT q.nik_temporary AND p.deleted_at IS NULL AND p.id <> q.id LIMIT $4)
         UNION ALL
         (SELECT p.id FROM people p
           WHERE p.name_fold = q.name_fold AND p.birth_date = q.birth_date AND p.deleted_at IS NULL AND p.id <> q.id LIMIT $4)
         UNION ALL
         (SELECT p.id FROM people p
           WHERE p.village_code = q.village_code AND p.birth_date = q.birth_date AND p.deleted_at IS NULL AND p.id <> q.id
             AND (p.name_fold = q.name_fold OR similarity(p.name_key, q.name_key) >= $2) LIMIT $4)
         UNION ALL
         (SELECT p.id FROM people p
           WHERE p.village_code = q.village_code AND p.mother_name_fold = q.mother_name_fold AND p.deleted_at IS NULL
             AND p.id <> q.id AND (p.name_fold = q.name_fold OR similarity(p.name_key, q.name_key) >= $3) LIMIT $4)
       ) o`,
    [ids, bars.nameWithBirthDate, bars.nameWithParent, bars.perRule],
  );
  return rows.map((r) => [r.a, r.b]);
}

export type CandidateRow = { personA: string; personB: string; regionCode: string; score: number; reasons: StoredReason[] };

export async function upsertCandidates(db: Queryable, candidates: readonly CandidateRow[]): Promise<void> {
  if (candidates.length === 0) return;
  await db.query(
    `INSERT INTO duplicate_candidates (person_a, person_b, region_code, score, reasons)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[], $5::jsonb[])
     ON CONFLICT (person_a, person_b) DO UPDATE
       SET region_code = EXCLUDED.region_code, score = EXCLUDED.score, reasons = EXCLUDED.reasons, found_at = now()`,
    [
      candidates.map((c) => c.personA),
      candidates.map((c) => c.personB),
      candidates.map((c) => c.regionCode),
      candidates.map((c) => c.score),
      candidates.map((c) => JSON.stringify(c.reasons)),
    ],
  );
}

const listedPairs = `FROM duplicate_candidates c
 WHERE c.region_code LIKE $1 || '%'
   AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.person_a = c.person_a AND d.person_b = c.person_b)`;

/** Undismissed pairs inside a region, most likely first; current once the region's queue is worked off. */
export async function listCandidates(
  db: Queryable,
  f: { scope: string; page: number; pageSize: number },
): Promise<{ items: Array<{ person_a: string; person_b: string; score: number; reasons: StoredReason[] }>; total: number }> {
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${listedPairs}`, [f.scope]);
  const { rows } = await db.query<{ person_a: string; person_b: string; score: number; reasons: StoredReason[] }>(
    `SELECT c.person_a, c.person_b, c.score, c.reasons ${listedPairs}
      ORDER BY c.score DESC, c.region_code, c.person_a, c.person_b LIMIT $2 OFFSET $3`,
    [f.scope, f.pageSize, (f.page - 1) * f.pageSize],
  );
  return { items: rows, total: total.rows[0]?.n ?? 0 };
}

export async function queueForScan(db: Queryable, personId: string, villageCode: string): Promise<void> {
  await db.query(
    `INSERT INTO duplicate_scan_queue (person_id, village_code) VALUES ($1, $2)
     ON CONFLICT (person_id, village_code) DO UPDATE SET queued_at = now()`,
    [personId, villageCode],
  );
}

/** A whole people row, as the merge reads, fills and audits it. */
export type PersonRow = Record<string, unknown> & {
  id: string;
  village_code: string;
  nik: string;
  merged_into: string | null;
  deleted_at: Date | null;
};

/** Locks the rows in id order, so that two merges of overlapping pairs cannot deadlock. */
export async function lockPeople(db: Queryable, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const { rows } = await db.query<PersonRow>(`SELECT * FROM people WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  return new Map(rows.map((r) => [r.id, openPersonRow(r)]));
}

/**
 * Columns of people that a merge may fill on the kept record when they are empty there:
 * every nullable column the application writes (read from the schema, so that a column
 * added later is filled too), except the merge's and the tombstone's own.
 */
export async function fillableColumns(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'people' AND is_nullable = 'YES' AND is_generated = 'NEVER'
        AND column_name <> ALL (ARRAY['merged_into', 'deleted_at', 'created_by', 'nik_bidx'])
      ORDER BY ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

export async function setColumns(db: Queryable, id: string, plain: Record<string, unknown>): Promise<void> {
  const values = sealPersonValues(plain);
  const columns = Object.keys(values);
  if (columns.length === 0) return;
  await db.query(
    `UPDATE people SET ${columns.map((c, i) => `"${c}" = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...columns.map((c) => values[c])],
  );
}

export async function markMerged(db: Queryable, mergeId: string, keepId: string): Promise<void> {
  await db.query(`UPDATE people SET merged_into = $2, deleted_at = now() WHERE id = $1`, [mergeId, keepId]);
}

export async function insertDismissal(
  db: Queryable,
  d: { personA: string; personB: string; regionCode: string; by: string },
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO duplicate_dismissals (person_a, person_b, region_code, dismissed_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_a, person_b) DO NOTHING`,
    [d.personA, d.personB, d.regionCode, d.by],
  );
  return (result.rowCount ?? 0) > 0;
}
