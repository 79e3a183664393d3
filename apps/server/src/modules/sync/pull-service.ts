import { type SessionUser, type SyncPullQuery, type SyncPullResponse, syncTables } from '@desmigratif/contracts';
import { maskIdentityNumber, seesFullIdentity } from '@desmigratif/domain';
import { SEALED_COLUMNS, type Pool, type PoolClient } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { assertInScope } from '../../platform/access-control.js';
import { validationFailed } from '../../platform/errors.js';
import * as repo from './repository.js';

/**
 * The pull cursor, opaque to the device. `village.from` after a complete pull: the next pull
 * sends every row written by a transaction from `from` on. While paging, also the watermark the
 * pull started with (`next`, where the pull resumes once all pages are read) and the position of
 * the last row sent: `village.from.next.xid.table.id`.
 */
type Cursor = { villageCode: string; from: bigint; paging?: { next: bigint; after: repo.PullPosition } };

const cursorPattern = /^(\d{10})\.(\d{1,20})(?:\.(\d{1,20})\.(\d{1,20})\.(\d)\.([0-9a-f-]{36}))?$/;

function readCursor(text: string | undefined, villageCode: string): Cursor {
  if (text === undefined) return { villageCode, from: 0n };
  const match = cursorPattern.exec(text);
  if (!match || match[1] !== villageCode || Number(match[5] ?? 0) >= syncTables.length) {
    throw validationFailed([{ path: 'cursor', message: 'Penanda sinkronisasi tidak dikenal; tarik ulang data desa dari awal' }]);
  }
  const [, , from, next, xid, table, id] = match;
  return {
    villageCode,
    from: BigInt(from!),
    ...(next ? { paging: { next: BigInt(next), after: { xid: BigInt(xid!), table: Number(table), id: id! } } } : {}),
  };
}

function writeCursor(cursor: Cursor): string {
  const head = `${cursor.villageCode}.${cursor.from}`;
  if (!cursor.paging) return head;
  const { next, after } = cursor.paging;
  return `${head}.${next}.${after.xid}.${after.table}.${after.id}`;
}

const identityColumns = new Set<string>(SEALED_COLUMNS.people);

/** Full NIKs only for the roles that see them in full online. */
function encodeRow(row: Record<string, unknown>, columns: string[], maskNik: boolean): unknown[] {
  return columns.map((column) => {
    const value = row[column];
    return maskNik && identityColumns.has(column) && typeof value === 'string' ? maskIdentityNumber(value) : value;
  });
}

const byPullOrder = (a: repo.ChangedRow, b: repo.ChangedRow) =>
  a.xid < b.xid ? -1 : a.xid > b.xid ? 1 : a.table - b.table || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function readPage(client: PoolClient, viewer: SessionUser, cursor: Cursor, limit: number): Promise<SyncPullResponse> {
  // Taken before reading, in the same snapshot: nothing below it can still appear later.
  const next = cursor.paging?.next ?? (await repo.snapshotWatermark(client));
  const perTable: Awaited<ReturnType<typeof repo.changedRows>>[] = [];
  for (const [index, table] of syncTables.entries()) {
    perTable.push(
      await repo.changedRows(client, {
        table,
        index,
        villageCode: cursor.villageCode,
        from: cursor.from,
        after: cursor.paging?.after,
        // A first pull has nothing on the device to remove.
        withTombstones: cursor.from > 0n,
        limit: limit + 1,
      }),
    );
  }
  const all = perTable.flatMap((t) => t.rows).sort(byPullOrder);
  const page = all.slice(0, limit);
  const hasMore = all.length > limit;
  const maskNik = !seesFullIdentity(viewer.role);

  const changes: SyncPullResponse['changes'] = [];
  const tombstones: SyncPullResponse['tombstones'] = [];
  syncTables.forEach((table, index) => {
    const rows = page.filter((r) => r.table === index);
    const live = rows.filter((r) => !r.gone);
    for (const r of rows) if (r.gone) tombstones.push({ table, id: r.id });
    if (live.length) {
      const { columns } = perTable[index]!;
      changes.push({ table, columns, rows: live.map((r) => encodeRow(r.row, columns, maskNik)) });
    }
  });

  const last = page.at(-1);
  const nextCursor: Cursor = hasMore && last
    ? { villageCode: cursor.villageCode, from: cursor.from, paging: { next, after: { xid: last.xid, table: last.table, id: last.id } } }
    : { villageCode: cursor.villageCode, from: next };
  return { cursor: writeCursor(nextCursor), hasMore, changes, tombstones };
}

/**
 * Rows and tombstones of one village written since the cursor, a page at a time, in the order
 * of the writing transaction's id. See the migration 0012 for why the cursor is a transaction
 * watermark rather than a row version.
 */
export async function pull(pool: Pool, request: FastifyRequest, viewer: SessionUser, query: SyncPullQuery): Promise<SyncPullResponse> {
  assertInScope(request, query.villageCode);
  const cursor = readCursor(query.cursor, query.villageCode);
  const client = await pool.connect();
  try {
    // One snapshot for the watermark and every table of the page.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const page = await readPage(client, viewer, cursor, query.limit);
    await client.query('COMMIT');
    return page;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
