import { Alert, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ButtonLink, CardLink } from '../../components/RouterLinks';
import { offlineDb, type LocalRow, type OutboxEntry, type OutboxStatus } from '../../offline/db';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { statusesByRecord, useLocalChanges } from './hooks';
import { RecordBadge } from './RecordBadge';
import { matchesSearch } from './localSearch';

const shownLimit = 100;

/**
 * The registry as kept on the phone. Without signal: every resident of the village stored here
 * (searchable by name or NIK). With signal: only the people this officer recorded on the phone that
 * the server has not accepted yet (waiting, conflict or rejected), above the server's list.
 */
export function LocalPeople({ villageCode, offline, q }: { villageCode: string; offline: boolean; q?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const changes = useLocalChanges(villageCode, 'people');
  const planChanges = useLocalChanges(villageCode, 'migration_plans');
  const statuses = statusesByRecord(changes);
  const reasons = new Map(changes.filter((c) => c.reason).map((c) => [c.recordId, c.reason]));
  const rows = useLiveQuery(
    () => (offline ? offlineDb().people.where('village_code').equals(villageCode).toArray() : offlineDb().people.bulkGet([...statuses.keys()])),
    [offline, villageCode, [...statuses.entries()].join()],
  );
  const shown = (rows ?? [])
    .filter((row): row is LocalRow => Boolean(row))
    .filter((row) => offline || statuses.get(row.id) !== 'sent')
    .filter((row) => matchesSearch(row, q))
    // The officer's own changes first, then by name; a phone cannot usefully show 2,000 cards: search narrows.
    .sort((a, b) => Number(statuses.has(b.id)) - Number(statuses.has(a.id)) || String(a.name).localeCompare(String(b.name), 'id'))
    .slice(0, shownLimit);

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
      {shown.map((row) => (
        <LocalPersonCard
          key={row.id}
          row={row}
          status={statuses.get(row.id)}
          reason={reasons.get(row.id)}
          plans={planChanges.filter((entry) => entry.args.personId === row.id)}
          offline={offline}
          canPlan={can(user.role, 'writeMigration')}
        />
      ))}
    </Stack>
  );
}

interface LocalPersonCardProps {
  row: LocalRow;
  status?: OutboxStatus;
  reason?: string;
  /** Migration plans made for this person on the phone. */
  plans: OutboxEntry[];
  offline: boolean;
  canPlan: boolean;
}

function LocalPersonCard({ row, status, reason, plans, offline, canPlan }: LocalPersonCardProps) {
  const { t } = useTranslation();
  const content = (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{String(row.name)}</Text>
        {status && <RecordBadge status={status} reason={reason} />}
      </Group>
      <Text size="sm" c="dimmed" ff="monospace">{String(row.nik)}</Text>
      {reason && <Text size="sm" c="red">{reason}</Text>}
      {plans.map((plan) => (
        <Group key={plan.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="local-plan">
          <Text size="sm">{t('plans.newTitle')}: {String(plan.args.destinationCountry ?? '')}</Text>
          <RecordBadge status={plan.status} reason={plan.reason} />
        </Group>
      ))}
    </Stack>
  );
  // Without signal the person page opens from the phone; the card also offers what can be done offline.
  if (offline) {
    return (
      <Card withBorder padding="sm" data-testid="local-person">
        {content}
        <Group mt="xs" gap="xs">
          <ButtonLink size="xs" variant="default" to="/penduduk/$personId" params={{ personId: row.id }}>
            {t('offlineWork.open')}
          </ButtonLink>
          {canPlan && (
            <ButtonLink size="xs" variant="light" to="/rencana-migrasi/baru/$personId" params={{ personId: row.id }}>
              {t('plans.newTitle')}
            </ButtonLink>
          )}
        </Group>
      </Card>
    );
  }
  // A record the server has (version above 0) opens its page; one only on the phone has no page yet.
  return row.version !== '0' ? (
    <CardLink withBorder padding="sm" to="/penduduk/$personId" params={{ personId: row.id }} data-testid="local-person">
      {content}
    </CardLink>
  ) : (
    <Card withBorder padding="sm" data-testid="local-person">{content}</Card>
  );
}
