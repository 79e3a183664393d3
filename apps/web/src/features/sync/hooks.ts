import { useCurrentUser } from '../../app/auth/AuthContext';
import type { OutboxEntry, OutboxStatus } from '../../offline/db';
import { offlineDb } from '../../offline/db';
import { badgeFor, countWaiting } from '../../offline/outbox';
import { useLiveQuery } from '../../offline/useLiveQuery';

/** How many of the signed-in officer's changes wait to be sent (undefined while the phone's store is read). */
export function useWaitingCount(): number | undefined {
  const user = useCurrentUser();
  return useLiveQuery(() => countWaiting(offlineDb(), user.id), [user.id]);
}

/** The officer's local changes to a village's records of one kind, newest first. */
export function useLocalChanges(villageCode: string, table: OutboxEntry['table']): OutboxEntry[] {
  const user = useCurrentUser();
  const entries = useLiveQuery(
    () =>
      offlineDb()
        .outbox.where('villageCode')
        .equals(villageCode)
        .filter((entry) => entry.userId === user.id && entry.table === table)
        .toArray(),
    [villageCode, table, user.id],
  );
  return [...(entries ?? [])].sort((a, b) => b.seq - a.seq);
}

/** Each record's badge, from every local change to it. */
export function statusesByRecord(entries: readonly OutboxEntry[]): Map<string, OutboxStatus> {
  const grouped = new Map<string, OutboxEntry[]>();
  for (const entry of entries) grouped.set(entry.recordId, [...(grouped.get(entry.recordId) ?? []), entry]);
  const statuses = new Map<string, OutboxStatus>();
  for (const [recordId, list] of grouped) {
    const status = badgeFor(list);
    if (status) statuses.set(recordId, status);
  }
  return statuses;
}
