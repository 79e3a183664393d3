import { planStatuses, type PlanStatus } from '@desmigratif/contracts';
import { Anchor, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { useSyncState } from '../../offline/sync';
import { LocalRecords } from '../sync/LocalRecords';
import { VillageLabel } from '../people/VillageLabel';
import { type PlanFilters, plansExportUrl, usePlans } from './api';
import { PlanBadges } from './PlanBadges';

/** The officer's list of migration plans: who is ready, what is missing, which plans show red flags. */
export function PlansPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/rencana-migrasi/desa/$villageCode' });
  const search = useSearch({ from: '/app/rencana-migrasi/desa/$villageCode' });
  const navigate = useNavigate({ from: '/rencana-migrasi/desa/$villageCode' });
  const filters: PlanFilters = { flagged: search.flagged, ready: search.ready, status: search.status };
  const plans = usePlans(villageCode, filters);
  // Without signal the list comes from the phone (LocalRecords), not the server.
  const offline = !useSyncState().online;
  const setFilter = (next: Partial<PlanFilters>) => void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const yesNo = [
    { value: 'true', label: t('plans.form.yes') },
    { value: 'false', label: t('plans.form.no') },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={<VillageLabel code={villageCode} />}
        actions={
          <Anchor href={plansExportUrl(villageCode, filters)} download size="sm">
            <Group gap={4}>
              <IconDownload size={16} aria-hidden="true" />
              {t('plans.export')}
            </Group>
          </Anchor>
        }
      />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('plans.newHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('plans.filters.flagged')}
            placeholder={t('plans.filters.all')}
            clearable
            data={yesNo}
            value={search.flagged ?? null}
            onChange={(value) => setFilter({ flagged: (value as PlanFilters['flagged']) ?? undefined })}
          />
          <Select
            label={t('plans.filters.ready')}
            placeholder={t('plans.filters.all')}
            clearable
            data={yesNo}
            value={search.ready ?? null}
            onChange={(value) => setFilter({ ready: (value as PlanFilters['ready']) ?? undefined })}
          />
          <Select
            label={t('plans.filters.status')}
            placeholder={t('plans.filters.all')}
            clearable
            data={planStatuses.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
            value={search.status ?? null}
            onChange={(value) => setFilter({ status: (value as PlanStatus | null) ?? undefined })}
          />
        </SimpleGrid>
        <LocalRecords
          table="migration_plans"
          villageCode={villageCode}
          offline={offline}
          personColumn="person_id"
          describe={(row) => [row.occupation, row.destination_country, t(`plans.status.${row.status as PlanStatus}`)].filter(Boolean).join(' · ')}
          fallbackTitle={(row) => String(row.occupation ?? '')}
          testId="local-plan-row"
          open={(row) => (
            <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: row.id }} size="sm">
              {t('offlineWork.open')}
            </AnchorLink>
          )}
        />
        {!offline && plans.isPending && <ListSkeleton />}
        {!offline && plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        {!offline && plans.data && plans.data.items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('plans.empty')}
          </Text>
        )}
        {!offline && plans.data && plans.data.items.length > 0 && (
          <Text size="sm">{t('plans.count', { count: plans.data.total })}</Text>
        )}
        {!offline && plans.data?.items.map((plan) => (
          <Card key={plan.id} withBorder padding="sm">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs">
                <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: plan.id }} fw={600}>
                  {plan.personName}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {t(`plans.status.${plan.status}`)}
                </Text>
              </Group>
              <Text size="sm">
                {plan.occupation} · {plan.destinationName}
                {plan.expectedDepartureDate && ` · ${t('plans.departure', { date: formatDate(plan.expectedDepartureDate) })}`}
              </Text>
              <PlanBadges {...plan} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
