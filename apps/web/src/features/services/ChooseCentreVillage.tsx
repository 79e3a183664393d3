import { Paper, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { RegionPicker } from '../regions/RegionPicker';

/** Coordinators, the ministry and admins open one village's centre at a time: pick it here. */
function ChooseCentreVillage({ screen }: { screen: 'services' | 'plans' }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const open = (villageCode: string) =>
    screen === 'services'
      ? void navigate({ to: '/layanan/desa/$villageCode', params: { villageCode }, search: {} })
      : void navigate({ to: '/rencana-migrasi/desa/$villageCode', params: { villageCode }, search: {} });
  return (
    <>
      <PageHeader title={t(screen === 'services' ? 'services.title' : 'plans.title')} />
      <Paper withBorder p="md">
        <RegionPicker
          label={t('services.chooseVillage')}
          levels={['desa']}
          within={user.scopeCode}
          value=""
          onChange={(code) => code && open(code)}
        />
        <Text size="sm" c="dimmed" mt="xs">
          {t('services.chooseVillageHelp')}
        </Text>
      </Paper>
    </>
  );
}

export function ChooseServicesVillagePage() {
  return <ChooseCentreVillage screen="services" />;
}

export function ChoosePlansVillagePage() {
  return <ChooseCentreVillage screen="plans" />;
}
