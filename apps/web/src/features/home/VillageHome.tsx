import type { SessionUser } from '@desmigratif/contracts';
import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconBuildingCommunity, IconInfoCircle, IconKey, IconMap2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { ApiError } from '../../lib/api';
import { useScopeLabel } from '../../lib/useRegionName';
import { useProgramVillage } from '../villages/api';
import { VillageInfo } from '../villages/VillageInfo';
import { VillageWorkPanel } from './VillageWorkPanel';

/** The centre's day is for those who run it; the cooperative's board has its own work (pillar 4). */
const centreRoles: readonly SessionUser['role'][] = ['petugas_desa', 'kepala_desa'];

/** An officer's, village head's or cooperative board's home: their village and where to go next. */
export function VillageHome({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const scopeLabel = useScopeLabel();
  const village = useProgramVillage(user.scopeCode);
  const notEnrolled = village.error instanceof ApiError && village.error.status === 404;

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.fullName })}
        description={scopeLabel(user.scopeCode, user.scopeName)}
      />
      <Stack gap="lg">
        {village.isPending && <PageSkeleton />}
        {notEnrolled && (
          <Alert color="blue" icon={<IconInfoCircle size={20} />}>
            {t('home.villageNotEnrolled')}
          </Alert>
        )}
        {village.isError && !notEnrolled && <ErrorAlert error={village.error} onRetry={() => void village.refetch()} />}
        {village.data && centreRoles.includes(user.role) && (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dashboard.title')}
            </Title>
            <VillageWorkPanel villageCode={user.scopeCode} />
          </Stack>
        )}
        {village.data && <VillageInfo village={village.data} />}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {village.data && (
            <ButtonLink
              variant="light"
              size="md"
              to="/desa/$villageCode"
              params={{ villageCode: user.scopeCode }}
              leftSection={<IconBuildingCommunity size={18} />}
            >
              {t('home.openVillage')}
            </ButtonLink>
          )}
          <ButtonLink
            variant="light"
            size="md"
            to="/wilayah"
            search={{ kode: user.scopeCode }}
            leftSection={<IconMap2 size={18} />}
          >
            {t('home.villageInRegions')}
          </ButtonLink>
          <ButtonLink variant="light" size="md" to="/ubah-kata-sandi" leftSection={<IconKey size={18} />}>
            {t('nav.changePassword')}
          </ButtonLink>
        </SimpleGrid>
      </Stack>
    </>
  );
}
