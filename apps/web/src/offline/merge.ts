import type { SyncMutationResult, SyncPullResponse, SyncTable } from '@desmigratif/contracts';
import type { LocalRow, OutboxEntry, OutboxStatus } from './db';

/** `familyId` and `family_id` name the same column; rows are kept in the database's spelling. */
export function toSnakeCase(column: string): string {
  return column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Versions are bigint strings: compared as numbers, never as text ('10' < '9' as text). */
export function compareVersions(a: string, b: string): number {
  const x = BigInt(a || '0');
  const y = BigInt(b || '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Whether a pulled row replaces the local one: only when it is at least as new, and never while
 * the officer has a change to it still waiting (their edit would vanish before it was sent).
 */
export function shouldReplace(local: LocalRow | undefined, incoming: LocalRow, hasWaitingChange: boolean): boolean {
  if (hasWaitingChange) return false;
  if (!local) return true;
  return compareVersions(String(incoming.version), String(local.version)) >= 0;
}

/** Turns the compact pull payload (columns once, rows as arrays) into rows per table. */
export function expandChanges(changes: SyncPullResponse['changes']): Array<{ table: SyncTable; rows: LocalRow[] }> {
  return changes.map(({ table, columns, rows }) => {
    const names = columns.map(toSnakeCase);
    return {
      table,
      rows: rows.map((values) => {
        const row: Record<string, unknown> = {};
        names.forEach((name, index) => (row[name] = values[index]));
        row.version = String(row.version ?? '0');
        return row as LocalRow;
      }),
    };
  });
}

export interface Settlement {
  status: OutboxStatus;
  reason?: string;
  conflictId?: string;
}

/** What one push result means for the outbox entry it answers. */
export function settle(result: SyncMutationResult): Settlement {
  switch (result.status) {
    case 'applied':
    case 'skipped':
      return { status: 'sent' };
    case 'conflict':
      return { status: 'conflict', conflictId: result.conflictId };
    case 'rejected': {
      const details = result.details?.map((detail) => detail.message).join('; ');
      return { status: 'rejected', reason: [result.reason, details].filter(Boolean).join(': ') || undefined };
    }
  }
}

/**
 * Pairs the server's results with the entries sent. An entry without a result stays waiting
 * (the server stopped early): it goes again next time and the server skips it if it did apply it.
 */
export function settlements(sent: readonly OutboxEntry[], results: readonly SyncMutationResult[]): Map<string, Settlement> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const settled = new Map<string, Settlement>();
  for (const entry of sent) {
    const result = byId.get(entry.id);
    if (result) settled.set(entry.id, settle(result));
  }
  return settled;
}
