import {
  SYNC_FORMAT_VERSION,
  type SessionUser,
  type SyncPullResponse,
  type SyncPushRequest,
  type SyncPushResponse,
} from '@desmigratif/contracts';
import { can } from '../app/auth/permissions';
import { ApiError, api } from '../lib/api';
import { getMeta, setMeta, type OfflineDb, type OutboxEntry } from './db';
import { expandChanges, settlements, shouldReplace } from './merge';
import { clientIdFor, waitingFor } from './outbox';

/** Changes per push request (the server takes up to 500). */
export const PUSH_BATCH = 200;
/** How often sync runs while the app is open, besides start, reconnect and returning to the tab. */
export const SYNC_INTERVAL_MS = 60_000;

export type SyncUser = Pick<SessionUser, 'id' | 'scopeCode' | 'role'>;

export type SyncProblem = 'offline' | 'updateRequired' | 'sessionExpired' | 'failed';

export interface SyncState {
  online: boolean;
  syncing: boolean;
  /** When this officer's last full sync (push and pull) finished, ISO. */
  lastSyncAt: string | null;
  problem: SyncProblem | null;
}

/**
 * Only a village's officers keep it on the phone: an account scoped to one village (10 digits)
 * that may read its migration records (the server's sync readers; not the cooperative's board).
 */
export function syncedVillage(user: Pick<SessionUser, 'scopeCode' | 'role'>): string | null {
  return /^\d{10}$/.test(user.scopeCode) && can(user.role, 'viewMigration') ? user.scopeCode : null;
}

export interface SyncTransport {
  push: (request: SyncPushRequest) => Promise<SyncPushResponse>;
  pull: (villageCode: string, cursor: string | undefined) => Promise<SyncPullResponse>;
}

export const httpTransport: SyncTransport = {
  push: (request) => api.post<SyncPushResponse>('/sync/push', request),
  pull: (villageCode, cursor) => api.get<SyncPullResponse>('/sync/pull', { villageCode, cursor }),
};

/** Sends the officer's waiting changes in sequence order, a batch at a time, and records each answer. */
export async function pushAll(db: OfflineDb, transport: SyncTransport, userId: string): Promise<void> {
  const clientId = await clientIdFor(db, userId);
  for (;;) {
    const batch = await waitingFor(db, userId, PUSH_BATCH);
    if (batch.length === 0) return;
    const response = await transport.push({
      formatVersion: SYNC_FORMAT_VERSION,
      clientId,
      mutations: batch.map(toMutation),
    });
    const settled = settlements(batch, response.results);
    const settledAt = new Date().toISOString();
    await db.transaction('rw', db.outbox, async () => {
      for (const [id, settlement] of settled) await db.outbox.update(id, { ...settlement, settledAt });
    });
    // Nothing answered: stop rather than send the same batch forever.
    if (settled.size === 0) throw new Error('Push answered none of the changes sent');
  }
}

function toMutation(entry: OutboxEntry): SyncPushRequest['mutations'][number] {
  const { id, clientId, seq, name, args, baseVersion, base, createdAt } = entry;
  return { id, clientId, seq, name, args, baseVersion, base, createdAt };
}

/** Fetches every change of the village since this officer's cursor and stores it on the phone. */
export async function pullAll(db: OfflineDb, transport: SyncTransport, userId: string, villageCode: string): Promise<void> {
  const cursorKey = `cursor:${userId}:${villageCode}`;
  let cursor = await getMeta<string>(db, cursorKey);
  for (;;) {
    const page = await transport.pull(villageCode, cursor);
    await storePage(db, page);
    cursor = page.cursor;
    await setMeta(db, cursorKey, cursor);
    if (!page.hasMore) return;
  }
}

async function storePage(db: OfflineDb, page: SyncPullResponse): Promise<void> {
  const expanded = expandChanges(page.changes);
  const tables = [...new Set([...expanded.map((c) => c.table), ...page.tombstones.map((t) => t.table)])];
  await db.transaction('rw', [db.outbox, ...tables.map((table) => db[table])], async () => {
    for (const { table, rows } of expanded) {
      const locals = await db[table].bulkGet(rows.map((row) => row.id));
      const waiting = new Set(
        (await db.outbox.where('recordId').anyOf(rows.map((row) => row.id)).toArray())
          .filter((entry) => entry.status === 'waiting')
          .map((entry) => entry.recordId),
      );
      const replacing = rows.filter((row, index) => shouldReplace(locals[index], row, waiting.has(row.id)));
      await db[table].bulkPut(replacing);
    }
    for (const tombstone of page.tombstones) await db[tombstone.table].delete(tombstone.id);
  });
}

const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** What a failed sync means for the officer. */
export function problemOf(error: unknown): SyncProblem {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return 'offline';
    if (error.status === 426 || error.code === 'UPDATE_REQUIRED') return 'updateRequired';
    if (error.status === 401) return 'sessionExpired';
  }
  return 'failed';
}

/** One sync at a time for the signed-in officer; screens read its state through `subscribe`. */
export class SyncEngine {
  private state: SyncState = { online: true, syncing: false, lastSyncAt: null, problem: null };
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: () => OfflineDb,
    private readonly transport: SyncTransport = httpTransport,
  ) {}

  getState = (): SyncState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setOnline(online: boolean): void {
    this.update({ online });
  }

  async loadLastSync(userId: string): Promise<void> {
    this.update({ lastSyncAt: (await getMeta<string>(this.db(), `lastSync:${userId}`)) ?? null, problem: null });
  }

  /** Runs a sync, or joins the one already running (the lock). */
  sync(user: SyncUser): Promise<void> {
    this.running ??= this.run(user).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(user: SyncUser): Promise<void> {
    this.update({ syncing: true });
    try {
      const db = this.db();
      await pushAll(db, this.transport, user.id);
      const village = syncedVillage(user);
      if (village) await pullAll(db, this.transport, user.id, village);
      const lastSyncAt = new Date().toISOString();
      await setMeta(db, `lastSync:${user.id}`, lastSyncAt);
      // The server answered, but the signal may have gone while the answer was being stored.
      this.update({ lastSyncAt, problem: null, online: browserOnline() });
    } catch (error) {
      const problem = problemOf(error);
      this.update({ problem, ...(problem === 'offline' ? { online: false } : {}) });
    } finally {
      this.update({ syncing: false });
    }
  }

  private update(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
