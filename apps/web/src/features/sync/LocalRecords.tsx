import type { SyncTable } from '@desmigratif/contracts';
import { Alert, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineDb, type LocalRow } from '../../offline/db';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { statusesByRecord, useLocalChanges } from './hooks';
import { RecordBadge } from './RecordBadge';

const shownLimit = 100;

export interface LocalRecordsProps {
  table: Exclude<SyncTable, 'people'>;
  villageCode: string;
  offline: boolean;
  /** The column naming the resident the record is about: their name is the card's title. */
  personColumn: string;
  /** The card's second line. */
  describe: (row: LocalRow) => string;
  /** A title when the record names no resident (or the phone does not have them). */
  fallbackTitle: (row: LocalRow) => string;
  testId: string;
  /** A link to the record's page, which opens from the phone without signal. */
  open?: (row: LocalRow) => ReactNode;
}

/**
 * A village list as kept on the phone (plans, families, cases), like LocalPeople for the registry.
 * Without signal: every record of the village stored here, the officer's own changes first. With
 * signal: only the records whose changes the server has not accepted yet, above the server's list.
 */
export function LocalRecords({ table, villageCode, offline, personColumn, describe, fallbackTitle, testId, open }: LocalRecordsProps) {
  const { t } = useTranslation();
  const changes = useLocalChanges(villageCode, table);
  const statuses = statusesByRecord(changes);
  const reasons = new Map(changes.filter((change) => change.reason).map((change) => [change.recordId, change.reason]));
  const pendingKey = [...statuses.entries()].join();
  const rows = useLiveQuery(
    async () => {
      const db = offlineDb();
      const found = offline ? await db[table].where('village_code').equals(villageCode).toArray() : await db[table].bulkGet([...statuses.keys()]);
      const kept = found.filter((row): row is LocalRow => Boolean(row) && !row?.deleted_at);
      const people = await db.people.bulkGet(kept.map((row) => String(row[personColumn] ?? '')));
      return kept.map((row, index) => ({ row, title: people[index]?.name ? String(people[index]?.name) : fallbackTitle(row) }));
    },
    [table, offline, villageCode, personColumn, pendingKey],
  );
  const shown = (rows ?? [])
    .filter(({ row }) => offline || statuses.get(row.id) !== 'sent')
    .sort((a, b) => Number(statuses.has(b.row.id)) - Number(statuses.has(a.row.id)) || a.title.localeCompare(b.title, 'id'));

  if (!offline && shown.length === 0) return null;
  return (
    <Stack gap="sm" mb="md">
      {offline ? (
        <Alert color="gray" p="xs">{t('sync.offlineList')}</Alert>
      ) : (
        <div>
          <Text fw={600}>{t('sync.localTitle')}</Text>
          <Text size="sm" c="dimmed">{t('sync.localHint')}</Text>
        </div>
      )}
      {offline && rows && shown.length === 0 && <Text c="dimmed">{t('sync.offlineEmpty')}</Text>}
      {shown.length > shownLimit && <Text size="sm" c="dimmed">{t('offlineWork.shownOf', { shown: shownLimit, total: shown.length })}</Text>}
      {shown.slice(0, shownLimit).map(({ row, title }) => {
        const status = statuses.get(row.id);
        const reason = reasons.get(row.id);
        return (
          <Card key={row.id} withBorder padding="sm" data-testid={testId}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{title}</Text>
                {status && <RecordBadge status={status} reason={reason} />}
              </Group>
              <Text size="sm">{describe(row)}</Text>
              {reason && <Text size="sm" c="red">{reason}</Text>}
              {open?.(row)}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
