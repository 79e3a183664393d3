import type { SyncMutationName, SyncTable } from '@desmigratif/contracts';
import type { LocalRow, OfflineDb, OutboxEntry } from './db';
import { toSnakeCase } from './merge';
import { writeLocally } from './outbox';

export interface LocalEdit {
  userId: string;
  villageCode: string;
  name: Extract<SyncMutationName, 'person.update' | 'family.update' | 'plan.update'>;
  table: SyncTable;
  id: string;
  /** Only the fields the officer changed, as the online PATCH body names them (no `version`). */
  changes: Record<string, unknown>;
  /** The version the officer's screen was read at. */
  baseVersion: string;
  /** Each changed field's value as the officer saw it before editing: the server compares it to find conflicts. */
  base: Record<string, unknown>;
  /** Sent with the edit but not stored values of the row (e.g. the day a new KK number applies from). */
  extraArgs?: Record<string, unknown>;
}

/**
 * An edit made without signal: the phone's row shows the new values at once, and the mutation
 * carries the version and values the officer started from, so the server can merge it with
 * edits made meanwhile by someone else (or record a conflict) instead of overwriting them.
 * The row is read and written in the outbox's transaction: a pull landing in between cannot
 * be overwritten by a row read before it.
 */
export function editLocally(db: OfflineDb, edit: LocalEdit): Promise<OutboxEntry> {
  return db.transaction('rw', [db[edit.table], db.outbox, db.meta], async () => {
    const current: LocalRow = (await db[edit.table].get(edit.id)) ?? { id: edit.id, village_code: edit.villageCode, version: edit.baseVersion };
    const columns = Object.fromEntries(Object.entries(edit.changes).map(([field, value]) => [toSnakeCase(field), value ?? null]));
    return writeLocally(db, {
      userId: edit.userId,
      villageCode: edit.villageCode,
      name: edit.name,
      table: edit.table,
      // The version stays the server's: the row is newer only once the server sends it back.
      row: { ...current, ...columns },
      args: { ...edit.changes, ...edit.extraArgs, id: edit.id },
      baseVersion: edit.baseVersion,
      base: edit.base,
    });
  });
}
