import type { ServiceType } from '@desmigratif/contracts';
import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { offlineDb } from '../../offline/db';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { useLocalChanges } from './hooks';
import { RecordBadge } from './RecordBadge';

/** Visits recorded on this phone that the server has not accepted yet (waiting, conflict or rejected). */
export function LocalServices({ villageCode }: { villageCode: string }) {
  const { t } = useTranslation();
  const pending = useLocalChanges(villageCode, 'migration_services').filter((entry) => entry.status !== 'sent');
  const personIds = pending.map((entry) => entry.args.personId).filter((id): id is string => typeof id === 'string');
  const people = useLiveQuery(() => offlineDb().people.bulkGet(personIds), [personIds.join()]);
  const nameOf = (personId: unknown) => people?.find((person) => person?.id === personId)?.name;

  return pending.map((entry) => (
    <Card key={entry.id} withBorder padding="sm" data-testid="local-service">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600}>{String(entry.args.visitorName ?? nameOf(entry.args.personId) ?? t('sync.visit'))}</Text>
          <Text size="sm">{t(`services.types.${entry.args.serviceType as ServiceType}`)}</Text>
          {entry.reason && <Text size="sm" c="red">{entry.reason}</Text>}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm">{formatDate(String(entry.args.serviceDate))}</Text>
          <RecordBadge status={entry.status} reason={entry.reason} />
        </Stack>
      </Group>
    </Card>
  ));
}
