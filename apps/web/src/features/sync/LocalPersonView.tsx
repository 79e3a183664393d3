import type { MigrantStatus } from '@desmigratif/contracts';
import { Alert, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
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
        {can(user.role, 'writeMigration') && (
          <ButtonLink variant="light" to="/rencana-migrasi/baru/$personId" params={{ personId }} style={{ alignSelf: 'flex-start' }}>
            {t('plans.newTitle')}
          </ButtonLink>
        )}
      </Stack>
    </>
  );
}
