import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate, formatNumber } from '../../lib/format';
import { useRegencyHome } from './api';
import { Figure, WorkList } from './WorkList';

/**
 * The coordinator's regency at a glance: red flags escalated from the villages (the most
 * serious first), cases referred to the regency, cases past their deadline, one line per village.
 */
export function RegencyWorkPanel({ within }: { within?: string }) {
  const { t } = useTranslation();
  const home = useRegencyHome(within);
  if (home.isPending) return <ListSkeleton />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const data = home.data;
  const totals = data.villages.reduce(
    (sum, v) => ({ plans: sum.plans + v.activePlans, services: sum.services + v.servicesThisMonth }),
    { plans: 0, services: 0 },
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('dashboard.flaggedPlans')} value={formatNumber(data.flaggedPlans.length)} />
        <Figure label={t('dashboard.referredCases')} value={formatNumber(data.referredCases.length)} />
        <Figure label={t('dashboard.activePlans')} value={formatNumber(totals.plans)} />
        <Figure label={t('dashboard.servicesThisMonth')} value={formatNumber(totals.services)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <WorkList title={t('dashboard.escalatedFlags')} count={data.flaggedPlans.length} empty={t('dashboard.redFlagsEmpty')} testId="regency-red-flags">
          {data.flaggedPlans.map((p) => (
            <div key={p.planId}>
              <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: p.planId }} fw={600}>
                {p.personName}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {p.villageName} · {p.destinationName} · {p.occupation}
              </Text>
              <Badge size="sm" color={p.highRedFlagCount ? 'red' : 'orange'}>
                {t('dashboard.flagCount', { count: p.redFlagCount })}
              </Badge>
            </div>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.referredCases')} count={data.referredCases.length} empty={t('dashboard.referredCasesEmpty')} testId="regency-referred-cases">
          {data.referredCases.map((c) => (
            <div key={c.caseId}>
              <AnchorLink to="/kasus/$caseId" params={{ caseId: c.caseId }} fw={600}>
                {c.personName}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {c.villageName} · {t(`cases.caseType.${c.caseType as 'lainnya'}`)}
              </Text>
              <Group gap="xs">
                {c.overdue && (
                  <Badge size="sm" color="red">
                    {t('dashboard.overdue')}
                  </Badge>
                )}
                {c.dueAt && (
                  <Text size="sm" c="dimmed">
                    {t('dashboard.dueAt', { date: formatDate(c.dueAt) })}
                  </Text>
                )}
              </Group>
            </div>
          ))}
        </WorkList>
        <WorkList title={t('dashboard.overdueCases')} count={data.overdueCases.length} empty={t('dashboard.overdueCasesEmpty')}>
          {data.overdueCases.map((c) => (
            <div key={c.caseId}>
              <AnchorLink to="/kasus/$caseId" params={{ caseId: c.caseId }} fw={600}>
                {c.personName}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {c.villageName} · {t(`cases.status.${c.status as 'baru'}`)}
              </Text>
            </div>
          ))}
        </WorkList>
      </SimpleGrid>
      {data.villages.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.village')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.activePlans')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.flaggedPlans')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.openCases')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.servicesThisMonth')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.villages.map((v) => (
                <Table.Tr key={v.villageCode}>
                  <Table.Td>
                    <AnchorLink to="/desa/$villageCode" params={{ villageCode: v.villageCode }}>
                      {v.villageName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(v.activePlans)}</Table.Td>
                  <Table.Td ta="right">{v.flaggedPlans ? <Badge color="red">{v.flaggedPlans}</Badge> : 0}</Table.Td>
                  <Table.Td ta="right">{formatNumber(v.openCases)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(v.servicesThisMonth)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
