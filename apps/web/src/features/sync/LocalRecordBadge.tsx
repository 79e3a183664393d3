import type { SyncTable } from '@desmigratif/contracts';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { offlineDb } from '../../offline/db';
import { badgeFor } from '../../offline/outbox';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { RecordBadge } from './RecordBadge';

/**
 * The badge of a record the signed-in officer changed on this phone (e.g. an edit made without
 * signal), on the record's own page; nothing once every change to it has been accepted.
 */
export function LocalRecordBadge({ table, id }: { table: SyncTable; id: string }) {
  const user = useCurrentUser();
  const entries = useLiveQuery(
    () =>
      offlineDb()
        .outbox.where('recordId')
        .equals(id)
        .filter((entry) => entry.userId === user.id && entry.table === table)
        .toArray(),
    [table, id, user.id],
  );
  const status = badgeFor(entries ?? []);
  if (!status || status === 'sent') return null;
  const reason = entries?.find((entry) => entry.status === status)?.reason;
  return <RecordBadge status={status} reason={reason} />;
}
