import { Button, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { PersonPlansCard } from '../plans/PersonPlansCard';
import { usePerson } from './api';
import { ConsentList } from './ConsentList';
import { FamilyLinks } from './FamilyLinks';
import { mergedInto } from './mergedInto';
import { NikIssuesAlert } from './NikIssuesAlert';
import { PersonEditForm } from './PersonEditForm';
import { PersonFamilyCard } from './PersonFamilyCard';
import { PersonInfo } from './PersonInfo';
import { StatusTimeline } from './StatusTimeline';
import { PlacementCard } from '../placements/PlacementCard';
import { PersonPrivacyCard } from '../privacy/PersonPrivacyCard';
import { LocalPersonView } from '../sync/LocalPersonView';
import { LocalRecordBadge } from '../sync/LocalRecordBadge';
import { useSyncState } from '../../offline/sync';
import { VillageLabel } from './VillageLabel';

/** One resident: identity, migrant status over time, family, links to relatives, lawful basis; edited in place. */
export function PersonPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { personId } = useParams({ from: '/app/penduduk/$personId' });
  const person = usePerson(personId);
  const [editing, setEditing] = useState(false);
  const canWrite = can(user.role, 'writePeople');
  const offline = !useSyncState().online;

  // Without signal, a resident the phone keeps (pulled or recorded here) opens from the phone.
  if (offline && !person.data) return <LocalPersonView personId={personId} />;
  if (person.isPending) return <PageSkeleton />;
  if (person.isError) {
    const survivor = mergedInto(person.error);
    return (
      <>
        <PageHeader title={t('person.title')} />
        <Stack gap="sm">
          <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
          {survivor && (
            <AnchorLink to="/penduduk/$personId" params={{ personId: survivor }}>
              {t('person.openMerged')}
            </AnchorLink>
          )}
        </Stack>
      </>
    );
  }

  const data = person.data;
  return (
    <>
      <ButtonLink
        variant="subtle"
        size="compact-sm"
        mb="xs"
        leftSection={<IconArrowLeft size={14} />}
        to="/penduduk/desa/$villageCode"
        params={{ villageCode: data.villageCode }}
        search={{}}
      >
        {t('person.backToRegistry')}
      </ButtonLink>
      <PageHeader
        title={data.name}
        description={<VillageLabel code={data.villageCode} />}
        actions={<LocalRecordBadge table="people" id={data.id} />}
      />
      <Stack gap="md">
        <NikIssuesAlert issues={data.nikIssues} />
        {editing ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="md">
              <Title order={3}>{t('person.editTitle')}</Title>
              <PersonEditForm person={data} onClose={() => setEditing(false)} />
            </Stack>
          </Paper>
        ) : (
          <PersonInfo
            person={data}
            actions={
              canWrite && (
                <Button leftSection={<IconEdit size={16} />} style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
                  {t('person.edit')}
                </Button>
              )
            }
          />
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <StatusTimeline person={data} canWrite={canWrite} />
          {can(user.role, 'viewMigration') && <PlacementCard person={data} />}
          <PersonFamilyCard person={data} />
          <FamilyLinks person={data} canWrite={canWrite} />
          <ConsentList person={data} canWrite={canWrite} />
          <PersonPlansCard person={data} />
          <PersonPrivacyCard person={data} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
