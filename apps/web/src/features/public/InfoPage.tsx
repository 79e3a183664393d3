import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AgencyCheckSection } from './AgencyCheckSection';
import { CentreSearchSection } from './CentreSearchSection';
import { PublicJobsSection } from './PublicJobsSection';
import { PublicLayout } from './PublicLayout';
import { RedFlagsSection, SafeStepsSection } from './SafeMigrationSection';

/** The public page for villagers (no login): check an agency, official jobs, the safe way, the danger signs, the centre. */
export function InfoPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('publicPage.title')}>
      <Stack gap="md">
        <div>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {t('publicPage.title')}
          </Title>
          <Text>{t('publicPage.intro')}</Text>
        </div>
        <AgencyCheckSection />
        <SafeStepsSection />
        <RedFlagsSection />
        <PublicJobsSection />
        <CentreSearchSection />
      </Stack>
    </PublicLayout>
  );
}
