import { serviceTypeLabels } from '@desmigratif/contracts';
import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate, formatNumber } from '../../lib/format';
import { useMarkFollowUpDone, useVillageHome } from './api';
import { Figure, WorkList } from './WorkList';

/** The officer's day at the migration service centre: what to do today, what to chase, what is wrong. */
export function VillageWorkPanel({ villageCode }: { villageCode: string }) {
  const { t } = useTranslation();
  const home = useVillageHome(villageCode);
  const done = useMarkFollowUpDone(villageCode);

  if (home.isPending) return <ListSkeleton />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const person = (personId: string | null, name: string) =>
    personId ? (
      <AnchorLink to="/penduduk/$personId" params={{ personId }} fw={600}>
        {name}
      </AnchorLink>
    ) : (
      <Text fw={600} span>
        {name}
      </Text>
    );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('dashboard.servicesThisMonth')} value={formatNumber(data.servicesThisMonth)} />
        <Figure label={t('dashboard.activePlans')} value={formatNumber(data.activePlans)} />
        <Figure label={t('dashboard.readyPlans')} value={formatNumber(data.readyPlans)} />
        <Figure label={t('dashboard.openCases')} value={formatNumber(data.openCases.length)} />
      </SimpleGrid>
      {done.isError && <ErrorAlert error={done.error} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <WorkList title={t('dashboard.followUps')} count={data.followUps.length} empty={t('dashboard.followUpsEmpty')} testId="home-follow-ups">
          {data.followUps.map((f) => (
            <Group key={f.serviceId} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                {person(f.personId, f.name)}
                <Text size="sm" c="dimmed">
                  {serviceTypeLabels[f.serviceType]} · {formatDate(f.serviceDate)}
                </Text>
                <Badge size="sm" color={f.overdue ? 'red' : 'blue'} variant="light">
                  {f.overdue ? t('dashboard.followUpOverdue', { date: formatDate(f.followUpDate) }) : t('dashboard.followUpToday')}
                </Badge>
              </div>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconCheck size={14} />}
                loading={done.isPending && done.variables === f.serviceId}
                onClick={() => done.mutate(f.serviceId)}
                aria-label={t('dashboard.markDoneFor', { name: f.name })}
              >
                {t('dashboard.markDone')}
              </Button>
            </Group>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.redFlags')} count={data.flaggedPlans.length} empty={t('dashboard.redFlagsEmpty')} testId="home-red-flags">
          {data.flaggedPlans.map((p) => (
            <div key={p.planId}>
              <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: p.planId }} fw={600}>
                {p.personName}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {p.destinationName} · {p.occupation}
              </Text>
              <Badge size="sm" color={p.highRedFlagCount ? 'red' : 'orange'}>
                {t('dashboard.flagCount', { count: p.redFlagCount })}
              </Badge>
            </div>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.missingDocuments')} count={data.plansMissingDocuments.length} empty={t('dashboard.missingDocumentsEmpty')}>
          {data.plansMissingDocuments.map((p) => (
            <div key={p.planId}>
              <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: p.planId }} fw={600}>
                {p.personName}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {p.destinationName}
                {p.expectedDepartureDate ? ` · ${t('dashboard.departs', { date: formatDate(p.expectedDepartureDate) })}` : ''}
              </Text>
              <Text size="sm">{t('dashboard.missingCount', { count: p.missingCount + p.blockerCount })}</Text>
            </div>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.contractsEnding')} count={data.contractsEnding.length} empty={t('dashboard.contractsEndingEmpty')}>
          {data.contractsEnding.map((c) => (
            <div key={c.placementId}>
              {person(c.personId, c.personName)}
              <Text size="sm" c="dimmed">
                {c.destinationName} · {t(c.contractEnd < data.today ? 'dashboard.contractEnded' : 'dashboard.contractEnds', { date: formatDate(c.contractEnd) })}
              </Text>
            </div>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.cases')} count={data.openCases.length} empty={t('dashboard.casesEmpty')}>
          {data.openCases.map((c) => (
            <div key={c.caseId}>
              <AnchorLink to="/kasus/$caseId" params={{ caseId: c.caseId }} fw={600}>
                {c.personName}
              </AnchorLink>
              <Group gap="xs">
                <Badge size="sm" variant="light">
                  {t(`cases.status.${c.status as 'baru'}`)} · {t(`cases.caseType.${c.caseType as 'lainnya'}`)}
                </Badge>
                {c.overdue && (
                  <Badge size="sm" color="red">
                    {t('dashboard.overdue')}
                  </Badge>
                )}
              </Group>
              {c.dueAt && (
                <Text size="sm" c="dimmed">
                  {t('dashboard.dueAt', { date: formatDate(c.dueAt) })}
                </Text>
              )}
            </div>
          ))}
        </WorkList>
      </SimpleGrid>
    </Stack>
  );
}
