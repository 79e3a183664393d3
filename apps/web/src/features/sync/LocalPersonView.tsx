import { destinationCountryName, type MigrantStatus } from '@desmigratif/contracts';
import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { formatDate } from '../../lib/format';
import { offlineDb } from '../../offline/db';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { InfoField } from '../people/InfoField';
import { MigrantStatusBadge } from '../people/MigrantStatusBadge';
import { DepartureForm } from '../placements/DepartureForm';
import { ReturnForm } from '../placements/ReturnForm';
import { LocalRecordBadge } from './LocalRecordBadge';

/**
 * A resident's page without signal, from the phone's copy (pulled, or recorded here): who they
 * are and what can be done offline.
 */
export function LocalPersonView({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // undefined while the phone is read, null when it does not have this resident.
  const row = useLiveQuery(async () => (await offlineDb().people.get(personId)) ?? null, [personId]);
  if (row === undefined) return null;
  if (row === null) {
    return (
      <>
        <PageHeader title={t('person.title')} />
        <Alert color="gray" p="xs">{t('offlineWork.personNotOnPhone')}</Alert>
      </>
    );
  }
  const text = (value: unknown) => (value ? <Text size="sm">{String(value)}</Text> : <Text size="sm" c="dimmed">{t('common.notFilled')}</Text>);
  const birth = [row.birth_place, row.birth_date && formatDate(String(row.birth_date))].filter(Boolean).join(', ');
  const place = [row.address, row.dusun, row.rt && `RT ${String(row.rt)}`, row.rw && `RW ${String(row.rw)}`].filter(Boolean).join(' · ');

  return (
    <>
      <PageHeader title={String(row.name)} actions={<LocalRecordBadge table="people" id={personId} />} />
      <Stack gap="md" data-testid="local-person-view">
        <Alert color="gray" p="xs">{t('offlineWork.personOffline')}</Alert>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <InfoField label={t('person.nik')}>
              <Text size="sm" ff="monospace">{String(row.nik ?? '')}</Text>
            </InfoField>
            <InfoField label={t('person.migrantStatus')}>
              <MigrantStatusBadge status={(row.migrant_status as MigrantStatus | undefined) ?? 'bukan_pmi'} />
            </InfoField>
            <InfoField label={t('person.birthDate')}>{text(birth)}</InfoField>
            <InfoField label={t('person.address')}>{text(place)}</InfoField>
            <InfoField label={t('person.phone')}>{text(row.phone)}</InfoField>
          </SimpleGrid>
        </Paper>
        {can(user.role, 'writeMigration') && <LocalPlacement personId={personId} villageCode={row.village_code} />}
        {can(user.role, 'writeMigration') && (
          <ButtonLink variant="light" to="/rencana-migrasi/baru/$personId" params={{ personId }} style={{ alignSelf: 'flex-start' }}>
            {t('plans.newTitle')}
          </ButtonLink>
        )}
      </Stack>
    </>
  );
}

/**
 * Departure and return without signal, from the phone's copy of the person's departures. A return
 * needs the version the server gave the departure: not offered for one recorded here and not yet
 * sent, nor twice before a sync.
 */
function LocalPlacement({ personId, villageCode }: { personId: string; villageCode: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form, setForm] = useState<'departure' | 'return' | null>(null);
  const found = useLiveQuery(async () => {
    const db = offlineDb();
    const abroad = await db.migration_placements.where('village_code').equals(villageCode).filter((row) => row.person_id === personId && !row.deleted_at && !row.return_date).first();
    if (!abroad) return { abroad: null, waiting: false };
    const waiting = await db.outbox.where('recordId').equals(abroad.id).filter((entry) => entry.userId === user.id && entry.status === 'waiting').count();
    return { abroad, waiting: waiting > 0 };
  }, [personId, villageCode, user.id]);
  if (!found) return null;
  const { abroad } = found;
  const mayReturn = abroad && abroad.version !== '0' && !found.waiting;
  return (
    <Paper withBorder p="md" data-testid="local-placement">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('offlineWork.recordDeparture')}</Title>
        {abroad && (
          <Text size="sm">
            {t('offlineWork.abroadOnPhone', { date: formatDate(String(abroad.departure_date)), country: destinationCountryName(String(abroad.destination_country)) })}
          </Text>
        )}
        {abroad && <LocalRecordBadge table="migration_placements" id={abroad.id} />}
        {form === 'departure' && <DepartureForm person={{ id: personId, villageCode }} onDone={() => setForm(null)} />}
        {form === 'return' && abroad && (
          <ReturnForm placement={{ id: abroad.id, version: abroad.version, departureDate: String(abroad.departure_date) }} onDone={() => setForm(null)} />
        )}
        {form === null && !abroad && (
          <Button variant="light" onClick={() => setForm('departure')} style={{ alignSelf: 'flex-start' }}>
            {t('offlineWork.recordDeparture')}
          </Button>
        )}
        {form === null && mayReturn && (
          <Button variant="light" onClick={() => setForm('return')} style={{ alignSelf: 'flex-start' }}>
            {t('offlineWork.recordReturn')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
