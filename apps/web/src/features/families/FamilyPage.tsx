import { Button, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { VillageLabel } from '../people/VillageLabel';
import { LocalRecordBadge } from '../sync/LocalRecordBadge';
import { useFamily } from './api';
import { FamilyEditForm } from './FamilyEditForm';
import { FamilyInfo } from './FamilyInfo';
import { FamilyMembers } from './FamilyMembers';

/** One family card (KK): its numbers over time, head, address and members. */
export function FamilyPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { familyId } = useParams({ from: '/app/penduduk/keluarga/$familyId' });
  const family = useFamily(familyId);
  const [editing, setEditing] = useState(false);

  if (family.isPending) return <PageSkeleton />;
  if (family.isError) {
    return (
      <>
        <PageHeader title={t('family.title')} />
        <ErrorAlert error={family.error} onRetry={() => void family.refetch()} />
      </>
    );
  }

  const data = family.data;
  return (
    <>
      <ButtonLink
        variant="subtle"
        size="compact-sm"
        mb="xs"
        leftSection={<IconArrowLeft size={14} />}
        to="/penduduk/desa/$villageCode/keluarga"
        params={{ villageCode: data.villageCode }}
        search={{}}
      >
        {t('family.backToList')}
      </ButtonLink>
      <PageHeader
        title={t('family.titleOf', { name: data.headName ?? t('family.noHead') })}
        description={<VillageLabel code={data.villageCode} />}
        actions={<LocalRecordBadge table="families" id={data.id} />}
      />
      <Stack gap="md">
        {editing ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="md">
              <Title order={3}>{t('family.editTitle')}</Title>
              <FamilyEditForm family={data} onClose={() => setEditing(false)} />
            </Stack>
          </Paper>
        ) : (
          <FamilyInfo
            family={data}
            actions={
              can(user.role, 'writePeople') && (
                <Button
                  leftSection={<IconEdit size={16} />}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setEditing(true)}
                >
                  {t('family.edit')}
                </Button>
              )
            }
          />
        )}
        <FamilyMembers family={data} />
      </Stack>
    </>
  );
}
