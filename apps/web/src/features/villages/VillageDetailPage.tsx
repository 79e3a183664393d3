import { formatRegionCode } from '@desmigratif/contracts';
import { Button, Paper, Stack, Title } from '@mantine/core';
import { IconEdit, IconMap2 } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { useRegionName } from '../../lib/useRegionName';
import { VillageCentrePanel } from '../public/VillageCentrePanel';
import { useProgramVillage } from './api';
import { VillageEditForm } from './VillageEditForm';
import { VillageInfo, villagePlace } from './VillageInfo';

export function VillageDetailPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { villageCode } = useParams({ from: '/app/desa/$villageCode' });
  const village = useProgramVillage(villageCode);
  const regionName = useRegionName();
  const [editing, setEditing] = useState(false);

  if (village.isPending) return <PageSkeleton />;
  if (village.isError) {
    return (
      <>
        <PageHeader title={t('village.title', { code: formatRegionCode(villageCode) })} />
        <ErrorAlert error={village.error} onRetry={() => void village.refetch()} />
      </>
    );
  }

  const data = village.data;
  return (
    <>
      <PageHeader
        title={regionName(data.villageCode, data.villageName)}
        description={`${villagePlace(data)} · ${formatRegionCode(data.villageCode)}`}
        actions={
          <ButtonLink
            variant="default"
            size="sm"
            to="/wilayah"
            search={{ kode: data.villageCode }}
            leftSection={<IconMap2 size={16} />}
          >
            {t('village.showInRegions')}
          </ButtonLink>
        }
      />
      {editing ? (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3}>{t('village.editTitle')}</Title>
            <VillageEditForm village={data} onClose={() => setEditing(false)} />
          </Stack>
        </Paper>
      ) : (
        <VillageInfo
          village={data}
          withTitle={false}
          actions={
            can(user.role, 'writeVillages') && (
              <Button leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('village.edit')}
              </Button>
            )
          }
        />
      )}
      <VillageCentrePanel village={data} />
    </>
  );
}
