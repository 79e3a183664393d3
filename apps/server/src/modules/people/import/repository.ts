import type { ImportJob, ImportJobStatus, ImportReject, MigrantStatus } from '@desmigratif/contracts';
import { BLIND, keyring, SEALED_COLUMNS, type PoolClient, type Queryable } from '@desmigratif/db';
import { nikLookup, openPersonRow } from '../repository.js';
import { noKkLookup } from '../families-repository.js';
import { type PersonColumn, type PersonValues, personColumns } from './person-columns.js';
import type { RejectedRow } from './row-parser.js';

// ---------------------------------------------------------------- import jobs

type JobRow = {
  id: string;
  village_code: string;
  file_name: string;
  file_size: number;
  status: ImportJobStatus;
  total_rows: number | null;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  rejected_count: number;
  error_message: string | null;
  created_by_name: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const jobColumns = `j.id, j.village_code, j.file_name, j.file_size, j.status, j.total_rows, j.processed_rows, j.created_count,
  j.updated_count, j.unchanged_count, j.rejected_count, j.error_message, u.full_name AS created_by_name, j.created_at,
  j.started_at, j.finished_at`;

const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  villageCode: r.village_code,
  fileName: r.file_name,
  fileSize: r.file_size,
  status: r.status,
  totalRows: r.total_rows,
  processedRows: r.processed_rows,
  createdCount: r.created_count,
  updatedCount: r.updated_count,
  unchangedCount: r.unchanged_count,
  rejectedCount: r.rejected_count,
  errorMessage: r.error_message,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
});

export async function insertJob(
  db: Queryable,
  job: { id: string; villageCode: string; fileName: string; fileSize: number; fileContent: Buffer; totalRows: number; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO import_jobs (id, village_code, file_name, file_size, file_content, total_rows, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    // The file is a whole register: it waits for the runner sealed, and is dropped when the job ends.
    [job.id, job.villageCode, job.fileName, job.fileSize, keyring().sealBytes(job.fileContent), job.totalRows, job.createdBy],
  );
}

export async function findJob(db: Queryable, id: string): Promise<ImportJob | undefined> {
  const { rows } = await db.query<JobRow>(
    `SELECT ${jobColumns} FROM import_jobs j LEFT JOIN users u ON u.id = j.created_by WHERE j.id = $1`,
    [id],
  );
  return rows[0] && toJob(rows[0]);
}

export async function listJobs(db: Queryable, villageCode: string, page: number, pageSize: number) {
  const { rows } = await db.query<JobRow & { total: number }>(
    `SELECT ${jobColumns}, count(*) OVER ()::int AS total
       FROM import_jobs j LEFT JOIN users u ON u.id = j.created_by
      WHERE j.village_code = $1
      ORDER BY j.created_at DESC, j.id DESC
      LIMIT $2 OFFSET $3`,
    [villageCode, pageSize, (page - 1) * pageSize],
  );
  const total = rows[0]?.total ?? (page === 1 ? 0 : await countJobs(db, villageCode));
  return { items: rows.map(toJob), total };
}

async function countJobs(db: Queryable, villageCode: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_jobs WHERE village_code = $1', [villageCode]);
  return rows[0]?.n ?? 0;
}

export async function pendingJobIds(db: Queryable, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM import_jobs WHERE status IN ('antri', 'berjalan') ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/** What a runner needs to (re)start a job. */
export type JobState = {
  id: string;
  villageCode: string;
  fileName: string;
  fileContent: Buffer | null;
  status: ImportJobStatus;
  totalRows: number | null;
  processedRows: number;
  attempts: number;
  createdBy: string | null;
  createdByUsername: string | null;
};

/** Marks a job as running and counts the attempt; null when it is already finished. */
export async function startJob(db: Queryable, id: string): Promise<JobState | null> {
  const { rows } = await db.query<{
    id: string;
    village_code: string;
    file_name: string;
    file_content: Buffer | null;
    status: ImportJobStatus;
    total_rows: number | null;
    processed_rows: number;
    attempts: number;
    created_by: string | null;
    username: string | null;
  }>(
    `UPDATE import_jobs j SET status = 'berjalan', started_at = coalesce(j.started_at, now()), attempts = j.attempts + 1
      WHERE j.id = $1 AND j.status IN ('antri', 'berjalan')
      RETURNING j.id, j.village_code, j.file_name, j.file_content, j.status, j.total_rows, j.processed_rows, j.attempts,
                j.created_by, (SELECT u.username FROM users u WHERE u.id = j.created_by) AS username`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    villageCode: r.village_code,
    fileName: r.file_name,
    fileContent: r.file_content && keyring().openBytes(r.file_content),
    status: r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    attempts: r.attempts,
    createdBy: r.created_by,
    createdByUsername: r.username,
  };
}

export async function setTotalRows(db: Queryable, id: string, totalRows: number): Promise<void> {
  await db.query('UPDATE import_jobs SET total_rows = $2 WHERE id = $1', [id, totalRows]);
}

/** Locks the job row for a chunk's transaction and tells how far it got. */
export async function lockJob(db: Queryable, id: string): Promise<{ status: ImportJobStatus; processedRows: number } | undefined> {
  const { rows } = await db.query<{ status: ImportJobStatus; processed_rows: number }>(
    'SELECT status, processed_rows FROM import_jobs WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] && { status: rows[0].status, processedRows: rows[0].processed_rows };
}

export type Counts = { created: number; updated: number; unchanged: number; rejected: number };

export async function advanceJob(db: Queryable, id: string, processedRows: number, counts: Counts): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET processed_rows = $2, created_count = created_count + $3, updated_count = updated_count + $4,
            unchanged_count = unchanged_count + $5, rejected_count = rejected_count + $6
      WHERE id = $1`,
    [id, processedRows, counts.created, counts.updated, counts.unchanged, counts.rejected],
  );
}

/** Ends a job; the uploaded file is dropped, only the rejected rows' cells are kept. */
export async function finishJob(
  db: Queryable,
  id: string,
  outcome: { status: 'selesai' | 'gagal'; errorMessage: string | null; totalRows: number | null },
): Promise<ImportJob> {
  await db.query(
    `UPDATE import_jobs SET status = $2, error_message = $3, total_rows = coalesce($4, total_rows), finished_at = now(),
            file_content = NULL
      WHERE id = $1`,
    [id, outcome.status, outcome.errorMessage, outcome.totalRows],
  );
  return (await findJob(db, id))!;
}

export async function insertRejects(db: Queryable, jobId: string, rejects: RejectedRow[]): Promise<void> {
  if (rejects.length === 0) return;
  await db.query(
    `INSERT INTO import_rejects (job_id, row_number, raw, problems)
     SELECT $1, u.row_number, u.raw, u.problems FROM unnest($2::int[], $3::bytea[], $4::jsonb[]) AS u(row_number, raw, problems)
     ON CONFLICT (job_id, row_number) DO NOTHING`,
    [
      jobId,
      rejects.map((r) => r.rowNumber),
      // A rejected row's cells are kept (sealed) so the village can fix and re-import them.
      rejects.map((r) => keyring().seal(JSON.stringify(r.raw))),
      rejects.map((r) => JSON.stringify(r.problems)),
    ],
  );
}

type StoredReject = { row_number: number; raw: Buffer; problems: RejectedRow['problems'] };
type RejectRow = { row_number: number; raw: RejectedRow['raw']; problems: RejectedRow['problems'] };
const openReject = (r: StoredReject): RejectRow => ({ ...r, raw: JSON.parse(keyring().open(r.raw)) as RejectedRow['raw'] });

export async function listRejects(db: Queryable, jobId: string, page: number, pageSize: number): Promise<{ items: ImportReject[]; total: number }> {
  const { rows: stored } = await db.query<StoredReject>(
    `SELECT row_number, raw, problems FROM import_rejects WHERE job_id = $1 ORDER BY row_number LIMIT $2 OFFSET $3`,
    [jobId, pageSize, (page - 1) * pageSize],
  );
  const rows = stored.map(openReject);
  const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rejects WHERE job_id = $1', [jobId]);
  return {
    items: rows.map((r) => ({ row: r.row_number, name: r.raw.nama ?? null, problems: r.problems })),
    total: total.rows[0]?.n ?? 0,
  };
}

/** Rejected rows in row order, a page at a time (keyset on row_number). */
export async function* allRejects(db: Queryable, jobId: string, batch = 1000): AsyncGenerator<RejectedRow> {
  let after = -1;
  for (;;) {
    const { rows: stored } = await db.query<StoredReject>(
      `SELECT row_number, raw, problems FROM import_rejects WHERE job_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
      [jobId, after, batch],
    );
    const rows = stored.map(openReject);
    for (const r of rows) yield { rowNumber: r.row_number, raw: r.raw, problems: r.problems };
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.row_number;
  }
}

// ---------------------------------------------------------------- registry writes

/** Imports of one village are written one chunk at a time, so two never create the same family. */
export async function lockVillageForImport(db: Queryable, villageCode: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('people-import'), hashtext($1))`, [villageCode]);
}

export type FamilyRecord = { id: string; headPersonId: string | null; address: string | null; dusun: string | null; rw: string | null; rt: string | null };

/** The families whose current card carries these numbers, by number. */
export async function findFamiliesByNoKk(db: Queryable, villageCode: string, noKks: string[]): Promise<Map<string, FamilyRecord>> {
  const { rows: stored } = await db.query<{ no_kk: Buffer; id: string; head_person_id: string | null; address: string | null; dusun: string | null; rw: string | null; rt: string | null }>(
    `SELECT c.no_kk, f.id, f.head_person_id, f.address, f.dusun, f.rw, f.rt
       FROM family_card_numbers c JOIN families f ON f.id = c.family_id
      WHERE c.village_code = $1 AND c.valid_to IS NULL AND c.no_kk_bidx = ANY($2::bytea[]) AND f.deleted_at IS NULL
      ORDER BY f.created_at, f.id
      FOR UPDATE OF f`,
    [villageCode, noKks.flatMap(noKkLookup)],
  );
  const rows = stored.map((r) => ({ ...r, no_kk: keyring().open(r.no_kk) }));
  // Should two families carry one number, the oldest is the one rows join.
  const families = new Map<string, FamilyRecord>();
  for (const r of rows) {
    if (!families.has(r.no_kk)) families.set(r.no_kk, { id: r.id, headPersonId: r.head_person_id, address: r.address, dusun: r.dusun, rw: r.rw, rt: r.rt });
  }
  return families;
}

export type NewFamily = { id: string; cardId: string; noKk: string; validFrom: string; address: string | null; dusun: string | null; rw: string | null; rt: string | null };

export async function insertFamilies(db: Queryable, villageCode: string, createdBy: string | null, families: NewFamily[]): Promise<void> {
  if (families.length === 0) return;
  await db.query(
    `INSERT INTO families (id, village_code, address, dusun, rw, rt, created_by)
     SELECT u.id, $1, u.address, u.dusun, u.rw, u.rt, $2
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, address, dusun, rw, rt)`,
    [villageCode, createdBy, families.map((f) => f.id), families.map((f) => f.address), families.map((f) => f.dusun), families.map((f) => f.rw), families.map((f) => f.rt)],
  );
  await db.query(
    `INSERT INTO family_card_numbers (id, family_id, village_code, no_kk, no_kk_bidx, valid_from, recorded_by)
     SELECT u.id, u.family_id, $1, u.no_kk, u.no_kk_bidx, u.valid_from, $2
       FROM unnest($3::uuid[], $4::uuid[], $5::bytea[], $6::bytea[], $7::date[]) AS u(id, family_id, no_kk, no_kk_bidx, valid_from)`,
    [
      villageCode,
      createdBy,
      families.map((f) => f.cardId),
      families.map((f) => f.id),
      families.map((f) => keyring().seal(f.noKk)),
      families.map((f) => keyring().blindIndex(BLIND.noKk, f.noKk)),
      families.map((f) => f.validFrom),
    ],
  );
}

export async function updateFamilies(
  db: Queryable,
  changes: Array<{ id: string; headPersonId: string | null; address: string | null; dusun: string | null; rw: string | null; rt: string | null }>,
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `UPDATE families f SET head_person_id = u.head_person_id, address = u.address, dusun = u.dusun, rw = u.rw, rt = u.rt
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, head_person_id, address, dusun, rw, rt)
      WHERE f.id = u.id`,
    [changes.map((c) => c.id), changes.map((c) => c.headPersonId), changes.map((c) => c.address), changes.map((c) => c.dusun), changes.map((c) => c.rw), changes.map((c) => c.rt)],
  );
}

/** Families headed by one of these people, other than the family each now belongs to. */
export async function clearMovedHeads(db: Queryable, moved: Array<{ personId: string; familyId: string | null }>): Promise<void> {
  if (moved.length === 0) return;
  await db.query(
    `UPDATE families f SET head_person_id = NULL
       FROM unnest($1::uuid[], $2::uuid[]) AS u(person_id, family_id)
      WHERE f.head_person_id = u.person_id AND f.id IS DISTINCT FROM u.family_id`,
    [moved.map((m) => m.personId), moved.map((m) => m.familyId)],
  );
}

export type ExistingPerson = PersonValues & { id: string; family_id: string | null; migrant_status: MigrantStatus; no_kk: string | null };

const selectPerson = `p.id, p.family_id, p.migrant_status, ${personColumns.map((c) => `p.${c.name}${c.type === 'numeric' ? '::text' : ''}`).join(', ')}`;

/** Identity columns are stored sealed (bytea); the import compares and writes them in the clear in memory. */
const sealedColumns = new Set<string>(SEALED_COLUMNS.people);
const storedType = (c: (typeof personColumns)[number]) => (sealedColumns.has(c.name) ? 'bytea' : c.type);
const sealCell = (v: unknown) => (v === null || v === undefined || v === '' ? null : keyring().seal(String(v)));

/** People of the village with these NIKs (temporary ones too), locked for the chunk. */
export async function findPeopleByNik(db: Queryable, villageCode: string, niks: string[]): Promise<ExistingPerson[]> {
  const { rows } = await db.query<ExistingPerson>(
    `SELECT ${selectPerson}, NULL::text AS no_kk FROM people p
      WHERE p.village_code = $1 AND p.nik_bidx = ANY($2::bytea[]) AND p.deleted_at IS NULL AND p.merged_into IS NULL
      ORDER BY p.created_at, p.id
      FOR UPDATE OF p`,
    [villageCode, niks.flatMap(nikLookup)],
  );
  return rows.map(openPersonRow);
}

/** People of the village with this name (normalized), birth date and current KK number. */
export async function findPeopleByNameBirthKk(
  db: Queryable,
  villageCode: string,
  keys: Array<{ nameKey: string; birthDate: string; noKk: string }>,
): Promise<ExistingPerson[]> {
  if (keys.length === 0) return [];
  // One probe per key in the ring, so that cards not yet re-sealed in a key rotation still match.
  const probes = keys.flatMap((k) => noKkLookup(k.noKk).map((bidx) => ({ ...k, bidx })));
  const { rows } = await db.query<ExistingPerson>(
    // Joined like before sealing (a hash join on the probes); FOR UPDATE refuses DISTINCT, so a
    // person matched by several probes (only while a key rotation runs) is dropped below.
    `SELECT ${selectPerson}, c.no_kk FROM people p
       JOIN family_card_numbers c ON c.family_id = p.family_id AND c.valid_to IS NULL
       JOIN unnest($2::text[], $3::date[], $4::bytea[]) AS k(name_key, birth_date, no_kk_bidx)
         ON k.name_key = p.name_key AND k.birth_date = p.birth_date AND k.no_kk_bidx = c.no_kk_bidx
      WHERE p.village_code = $1 AND p.deleted_at IS NULL AND p.merged_into IS NULL
      ORDER BY p.created_at, p.id
      FOR UPDATE OF p`,
    [villageCode, probes.map((k) => k.nameKey), probes.map((k) => k.birthDate), probes.map((k) => k.bidx)],
  );
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return unique.map((r) => {
    const opened = openPersonRow(r);
    return { ...opened, no_kk: Buffer.isBuffer(r.no_kk) ? keyring().open(r.no_kk) : r.no_kk };
  });
}

/** familyId null: a resident recorded without a family card (an empty `no_kk`). */
export type PersonWrite = { id: string; familyId: string | null; migrantStatus: MigrantStatus; person: PersonValues };

const arraysOf = (people: PersonWrite[]) => [
  people.map((p) => p.id),
  people.map((p) => p.familyId),
  people.map((p) => p.migrantStatus),
  ...personColumns.map((c) =>
    people.map((p) => (sealedColumns.has(c.name) ? sealCell(p.person[c.name as PersonColumn]) : p.person[c.name as PersonColumn])),
  ),
  people.map((p) => keyring().blindIndex(BLIND.nik, p.person.nik)),
  people.map((p) => p.person.nik.startsWith('0')),
];
const writtenColumns = [...personColumns.map((c) => c.name), 'nik_bidx', 'nik_temporary'];
const unnestOf = (firstParam: number) => {
  const types = ['uuid', 'uuid', 'text', ...personColumns.map(storedType), 'bytea', 'boolean'];
  const names = ['id', 'family_id', 'migrant_status', ...writtenColumns];
  return `unnest(${types.map((t, i) => `$${firstParam + i}::${t}[]`).join(', ')}) AS u(${names.join(', ')})`;
};
const columnList = writtenColumns.join(', ');

export async function insertPeople(db: Queryable, villageCode: string, createdBy: string | null, people: PersonWrite[]): Promise<void> {
  if (people.length === 0) return;
  await db.query(
    `INSERT INTO people (id, village_code, created_by, family_id, migrant_status, ${columnList})
     SELECT u.id, $1, $2, u.family_id, u.migrant_status, ${writtenColumns.map((c) => `u.${c}`).join(', ')}
       FROM ${unnestOf(3)}`,
    [villageCode, createdBy, ...arraysOf(people)],
  );
}

export async function updatePeople(db: Queryable, people: PersonWrite[]): Promise<void> {
  if (people.length === 0) return;
  await db.query(
    `UPDATE people p SET family_id = u.family_id, migrant_status = u.migrant_status,
            ${writtenColumns.map((c) => `${c} = u.${c}`).join(', ')}
       FROM ${unnestOf(1)}
      WHERE p.id = u.id`,
    arraysOf(people),
  );
}

export type StatusEvent = { id: string; personId: string; status: MigrantStatus };

export async function insertStatusEvents(
  db: Queryable,
  villageCode: string,
  recordedBy: string | null,
  effectiveDate: string,
  note: string,
  events: StatusEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date, note, recorded_by)
     SELECT u.id, u.person_id, $1, u.status, $2, $3, $4 FROM unnest($5::uuid[], $6::uuid[], $7::text[]) AS u(id, person_id, status)`,
    [villageCode, effectiveDate, note, recordedBy, events.map((e) => e.id), events.map((e) => e.personId), events.map((e) => e.status)],
  );
}

// ---------------------------------------------------------------- export

export type ExportPerson = PersonValues & { migrant_status: MigrantStatus; no_kk: string | null };

/**
 * The village's registry for export, in family order, read through a cursor in one
 * snapshot so that 20,000 people never sit in memory at once.
 */
export async function* exportPeople(client: PoolClient, villageCode: string, batch = 1000): AsyncGenerator<ExportPerson> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  let done = false;
  try {
    await client.query(
      `DECLARE people_export NO SCROLL CURSOR FOR
       SELECT p.migrant_status, ${personColumns.map((c) => `p.${c.name}${c.type === 'numeric' ? '::text' : ''}`).join(', ')}, kk.no_kk
         FROM people p
         LEFT JOIN LATERAL (
           SELECT c.no_kk, c.family_id FROM family_card_numbers c WHERE c.family_id = p.family_id AND c.valid_to IS NULL
            ORDER BY c.valid_from DESC, c.recorded_at DESC LIMIT 1
         ) kk ON true
        WHERE p.village_code = $1 AND p.deleted_at IS NULL AND p.merged_into IS NULL
        ORDER BY kk.family_id NULLS LAST, p.family_relationship NULLS LAST, p.birth_date NULLS LAST, p.name_key, p.id`,
      [villageCode],
    );
    for (;;) {
      const { rows } = await client.query<ExportPerson>(`FETCH ${batch} FROM people_export`);
      for (const r of rows) {
        const opened = openPersonRow(r);
        yield { ...opened, no_kk: Buffer.isBuffer(r.no_kk) ? keyring().open(r.no_kk) : r.no_kk };
      }
      if (rows.length < batch) break;
    }
    await client.query('COMMIT');
    done = true;
  } finally {
    if (!done) await client.query('ROLLBACK').catch(() => undefined);
  }
}

export async function isVillage(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query<{ level: number }>('SELECT level FROM regions WHERE code = $1', [code]);
  return rows[0]?.level === 4;
}
