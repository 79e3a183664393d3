import { Alert, Stack, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { ApiError } from '../../lib/api';
import { displayRegionName } from '../../lib/regions';
import { AgencyCheckSection } from './AgencyCheckSection';
import { usePublicCentre } from './api';
import { CentreCard } from './CentreCard';
import { PublicJobsSection } from './PublicJobsSection';
import { PublicLayout } from './PublicLayout';
import { RedFlagsSection, SafeStepsSection } from './SafeMigrationSection';

/** One village's public page: its centre first (a poster or QR code at the village hall can point here), then the rest. */
export function CentrePage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/info/desa/$villageCode' });
  const centre = usePublicCentre(villageCode);
  const title = centre.data
    ? t('publicPage.centre.villageTitle', { name: displayRegionName(centre.data.villageName) })
    : t('publicPage.centre.title');

  return (
    <PublicLayout title={title}>
      <Stack gap="md">
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {title}
        </Title>
        {centre.isPending && <ListSkeleton rows={2} />}
        {centre.isError &&
          (centre.error instanceof ApiError && centre.error.status === 404 ? (
            <Alert color="yellow">{t('publicPage.centre.notFound')}</Alert>
          ) : (
            <ErrorAlert error={centre.error} onRetry={() => void centre.refetch()} />
          ))}
        {centre.data && <CentreCard centre={centre.data} />}
        <AnchorLink to="/info" size="sm">
          {t('publicPage.centre.backToInfo')}
        </AnchorLink>
        <AgencyCheckSection />
        <SafeStepsSection />
        <RedFlagsSection />
        <PublicJobsSection />
      </Stack>
    </PublicLayout>
  );
}
