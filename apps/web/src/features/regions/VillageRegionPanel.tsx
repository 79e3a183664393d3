import { formatRegionCode, type Region } from '@desmigratif/contracts';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/RouterLinks';
import { ApiError } from '../../lib/api';
import { displayRegionName, isWithin } from '../../lib/regions';
import { useRegionName } from '../../lib/useRegionName';
import { useProgramVillage } from '../villages/api';
import { VillageStatusBadge } from '../villages/VillageStatusBadge';

/** Whether this village is in the programme, and the way to enrol it. */
function ProgramStatus({ region }: { region: Region }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const inScope = isWithin(region.code, user.scopeCode);
  const village = useProgramVillage(region.code, inScope);

  if (!inScope)
    return (
      <Text size="sm" c="dimmed">
        {t('regionsPage.outOfScope')}
      </Text>
    );
  if (village.isPending)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  if (village.isError) {
    if (!(village.error instanceof ApiError && village.error.status === 404))
      return <ErrorAlert error={village.error} />;
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('regionsPage.notEnrolled')}</Text>
        {can(user.role, 'writeVillages') && (
          <ButtonLink to="/desa/daftar" search={{ village: region.code }} leftSection={<IconPlus size={16} />}>
            {t('regionsPage.enroll')}
          </ButtonLink>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Group gap="xs">
        <VillageStatusBadge status={village.data.status} />
        <Text size="sm">{t('village.cohortValue', { year: village.data.cohortYear })}</Text>
      </Group>
      <ButtonLink
        variant="light"
        to="/desa/$villageCode"
        params={{ villageCode: region.code }}
        rightSection={<IconArrowRight size={16} />}
      >
        {t('regionsPage.openVillage')}
      </ButtonLink>
    </Stack>
  );
}

export function VillageRegionPanel({ region }: { region: Region }) {
  const user = useCurrentUser();
  const regionName = useRegionName();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={3}>{regionName(region.code, region.name)}</Title>
          <Text c="dimmed" size="sm">
            {formatRegionCode(region.code)} · {region.path.map(displayRegionName).join(' › ')}
          </Text>
        </div>
        {can(user.role, 'viewVillages') && <ProgramStatus region={region} />}
      </Stack>
    </Paper>
  );
}
