import type { SyncMutation, SyncTable } from '@desmigratif/contracts';
import { keyring, SEALED_COLUMNS, type Queryable } from '@desmigratif/db';
import { openFields } from '../../platform/sealed.js';

export type ConflictField = { field: string; base: unknown; theirs: unknown; mine: unknown };

// ---------------------------------------------------------------- clients and mutations

/** Registers the client for the user on first use; returns the owner and the last processed sequence. */
export async function claimClient(db: Queryable, clientId: string, userId: string): Promise<{ userId: string; lastSeq: number }> {
  await db.query(`INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING`, [clientId, userId]);
  const { rows } = await db.query<{ user_id: string; last_seq: string }>(`SELECT user_id, last_seq FROM sync_clients WHERE client_id = $1`, [clientId]);
  return { userId: rows[0]!.user_id, lastSeq: Number(rows[0]!.last_seq) };
}

/** Locks the client's row for the mutation's transaction: two pushes of one outbox never interleave. */
export async function lockClient(db: Queryable, clientId: string): Promise<number> {
  const { rows } = await db.query<{ last_seq: string }>(`SELECT last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE`, [clientId]);
  return Number(rows[0]!.last_seq);
}

export async function mutationSeen(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM sync_mutations WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

export async function advanceClient(db: Queryable, clientId: string, seq: number): Promise<void> {
  await db.query(`UPDATE sync_clients SET last_seq = GREATEST(last_seq, $2), last_push_at = now() WHERE client_id = $1`, [clientId, seq]);
}

export async function insertMutation(
  db: Queryable,
  mutation: SyncMutation,
  outcome: { status: 'applied' | 'conflict' | 'rejected'; reason?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO sync_mutations (id, client_id, seq, name, status, reason, made_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [mutation.id, mutation.clientId, mutation.seq, mutation.name, outcome.status, outcome.reason ?? null, mutation.createdAt],
  );
}

// ---------------------------------------------------------------- conflicts

export type ConflictRow = {
  id: string;
  village_code: string;
  table_name: SyncTable;
  record_id: string;
  record_label: string;
  mutation_id: string;
  fields: ConflictField[];
  status: 'terbuka' | 'diselesaikan';
  created_by_name: string;
  created_at: Date;
  resolved_by_name: string | null;
  resolved_at: Date | null;
};

const conflictColumns = `c.id, c.village_code, c.table_name, c.record_id, c.record_label, c.mutation_id, c.fields, c.status,
  cu.full_name AS created_by_name, c.created_at, ru.full_name AS resolved_by_name, c.resolved_at`;
const conflictFrom = `sync_conflicts c JOIN users cu ON cu.id = c.created_by LEFT JOIN users ru ON ru.id = c.resolved_by`;

/** Fields whose values are identity numbers: sealed inside the conflict's JSON like in their tables. */
const sealedConflictFields = new Set(['nik', 'fatherNik', 'motherNik', 'passportNumber', 'noKk', 'number']);
type SealedValue = { sealed: string };
const isSealedValue = (v: unknown): v is SealedValue =>
  typeof v === 'object' && v !== null && typeof (v as SealedValue).sealed === 'string' && Object.keys(v).length === 1;

function sealConflictFields(fields: ConflictField[]): ConflictField[] {
  const seal = (v: unknown) => (typeof v === 'string' && v !== '' ? { sealed: keyring().seal(v).toString('base64') } : v);
  return fields.map((f) => (sealedConflictFields.has(f.field) ? { ...f, base: seal(f.base), theirs: seal(f.theirs), mine: seal(f.mine) } : f));
}

function openConflictRow(row: ConflictRow): ConflictRow {
  const open = (v: unknown) => (isSealedValue(v) ? keyring().open(Buffer.from(v.sealed, 'base64')) : v);
  return { ...row, fields: row.fields.map((f) => ({ ...f, base: open(f.base), theirs: open(f.theirs), mine: open(f.mine) })) };
}

export async function insertConflict(
  db: Queryable,
  c: { id: string; villageCode: string; table: SyncTable; recordId: string; label: string; mutationId: string; fields: ConflictField[]; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO sync_conflicts (id, village_code, table_name, record_id, record_label, mutation_id, fields, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.villageCode, c.table, c.recordId, c.label, c.mutationId, JSON.stringify(sealConflictFields(c.fields)), c.createdBy],
  );
}

export async function findConflict(db: Queryable, id: string, forUpdate = false): Promise<ConflictRow | undefined> {
  const { rows } = await db.query<ConflictRow>(
    `SELECT ${conflictColumns} FROM ${conflictFrom} WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0] && openConflictRow(rows[0]);
}

export async function listConflicts(db: Queryable, regionPrefix: string, status: string | undefined): Promise<ConflictRow[]> {
  const { rows } = await db.query<ConflictRow>(
    `SELECT ${conflictColumns} FROM ${conflictFrom}
      WHERE c.village_code LIKE $1 || '%' AND ($2::text IS NULL OR c.status = $2)
      ORDER BY c.created_at DESC, c.id DESC LIMIT 500`,
    [regionPrefix, status ?? null],
  );
  return rows.map(openConflictRow);
}

export async function markResolved(db: Queryable, id: string, userId: string, resolution: Record<string, string>): Promise<void> {
  await db.query(
    `UPDATE sync_conflicts SET status = 'diselesaikan', resolved_by = $2, resolved_at = now(), resolution = $3 WHERE id = $1`,
    [id, userId, JSON.stringify(resolution)],
  );
}

// ---------------------------------------------------------------- pull

/** The oldest transaction still running: every transaction below it has finished. */
export async function snapshotWatermark(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
  return BigInt(rows[0]!.xmin);
}

/** A position in a pull: rows ordered by (transaction id, table, record id). */
export type PullPosition = { xid: bigint; table: number; id: string };

export type ChangedRow = { xid: bigint; table: number; id: string; gone: boolean; row: Record<string, unknown> };

/** Columns the device has no use for: internal search keys and the sync watermark itself. */
const internalColumns = new Set(['sync_xid', 'name_key', 'sync_xid_text', 'sync_gone', 'nik_bidx']);

const goneCondition: Record<SyncTable, string> = {
  people: 't.deleted_at IS NOT NULL OR t.merged_into IS NOT NULL',
  families: 't.deleted_at IS NOT NULL',
  migration_services: 't.deleted_at IS NOT NULL',
  migration_plans: 't.deleted_at IS NOT NULL',
  migration_documents: 'false',
  migration_cases: 't.deleted_at IS NOT NULL',
  migration_placements: 't.deleted_at IS NOT NULL',
};

/**
 * The next rows of one table written by transactions from `from` on and after `after`, in pull
 * order. Its position in the order is the table's index in `syncTables`.
 */
export async function changedRows(
  db: Queryable,
  q: { table: SyncTable; index: number; villageCode: string; from: bigint; after?: PullPosition; withTombstones: boolean; limit: number },
): Promise<{ columns: string[]; rows: ChangedRow[] }> {
  const params: unknown[] = [q.villageCode, q.from.toString(), q.limit];
  let afterCondition = '';
  if (q.after) {
    params.push(q.after.xid.toString());
    if (q.index < q.after.table) afterCondition = `AND t.sync_xid > $4::xid8`;
    else if (q.index > q.after.table) afterCondition = `AND t.sync_xid >= $4::xid8`;
    else {
      params.push(q.after.id);
      afterCondition = `AND (t.sync_xid, t.id) > ($4::xid8, $5::uuid)`;
    }
  }
  const gone = `(${goneCondition[q.table]})`;
  const result = await db.query(
    `SELECT t.*, t.sync_xid::text AS sync_xid_text, ${gone} AS sync_gone FROM ${q.table} t
      WHERE t.village_code = $1 AND t.sync_xid >= $2::xid8 ${afterCondition} ${q.withTombstones ? '' : `AND NOT ${gone}`}
      ORDER BY t.sync_xid, t.id LIMIT $3`,
    params,
  );
  const columns = result.fields.map((f) => f.name).filter((name) => !internalColumns.has(name));
  // Identity numbers are sealed at rest; the officer's phone gets them opened (and masked for
  // roles that do not see them in full, pull-service.ts), over TLS, into its own store.
  const sealed = (SEALED_COLUMNS as Record<string, readonly string[]>)[q.table] ?? [];
  const rows = result.rows.map((row: Record<string, unknown>) => ({
    xid: BigInt(row.sync_xid_text as string),
    table: q.index,
    id: row.id as string,
    gone: row.sync_gone as boolean,
    row: sealed.length ? openFields(row, ...sealed) : row,
  }));
  return { columns, rows };
}
