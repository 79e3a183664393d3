import type { SessionUser } from '@desmigratif/contracts';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatNumber } from '../../lib/format';
import { useScopeLabel } from '../../lib/useRegionName';
import { useProgramVillages } from '../villages/api';
import { VillageList } from '../villages/VillageList';
import { RegencyWorkPanel } from './RegencyWorkPanel';

const shown = 50;

/** A regency coordinator's home: how many programme villages the regency has, and which. */
export function RegencyHome({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const scopeLabel = useScopeLabel();
  const villages = useProgramVillages({}, shown);

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.fullName })}
        description={scopeLabel(user.scopeCode, user.scopeName)}
        actions={
          <ButtonLink to="/desa/daftar" search={{}} leftSection={<IconPlus size={16} />}>
            {t('villages.propose')}
          </ButtonLink>
        }
      />
      <Stack gap="sm" mb="lg">
        <Title order={2} size="h4">
          {t('dashboard.regencyTitle')}
        </Title>
        <RegencyWorkPanel />
      </Stack>
      {villages.isPending && <ListSkeleton />}
      {villages.isError && <ErrorAlert error={villages.error} onRetry={() => void villages.refetch()} />}
      {villages.data && (
        <Stack gap="md">
          <Paper withBorder p="md">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('home.regencyCount')}
            </Text>
            <Title order={3} fz={32}>
              {formatNumber(villages.data.total)}
            </Title>
          </Paper>
          {villages.data.total === 0 ? (
            <Text c="dimmed">{t('home.regencyEmpty')}</Text>
          ) : (
            <VillageList villages={villages.data.items} />
          )}
          {villages.data.total > shown && (
            <Group>
              <ButtonLink variant="light" to="/desa" search={{}} rightSection={<IconArrowRight size={16} />}>
                {t('home.allVillages', { count: villages.data.total })}
              </ButtonLink>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
