import { placementSchemeLabels, sectorLabels } from '@desmigratif/contracts';
import { Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { LicenceBadge } from '../agencies/LicenceBadge';
import { formatSalary } from '../jobs/jobForm';
import { usePublicJobs } from './api';

const firstPage = 10;

/** Verified job orders that are still open: the job, the country, the agency and its licence. */
export function PublicJobsSection() {
  const { t } = useTranslation();
  const [pageSize, setPageSize] = useState(firstPage);
  const jobs = usePublicJobs(pageSize);

  return (
    <Paper withBorder p="md" component="section" id="lowongan" aria-labelledby="lowongan-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="lowongan-title">
          {t('publicPage.jobs.title')}
        </Title>
        <Text size="sm">{t('publicPage.jobs.help')}</Text>
        {jobs.isPending && <ListSkeleton rows={3} />}
        {jobs.isError && <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data?.items.length === 0 && <Text c="dimmed">{t('publicPage.jobs.empty')}</Text>}
        {jobs.data?.items.map((job) => {
          const salary = formatSalary(job.salaryAmount, job.salaryCurrency);
          return (
            <Card key={job.id} withBorder padding="sm">
              <Stack gap={4}>
                <Text fw={600}>
                  {job.occupation} — {job.countryName}
                </Text>
                <Text size="sm" c="dimmed">
                  {sectorLabels[job.sector].split(' (')[0]} · {placementSchemeLabels[job.scheme].split(' (')[0]}
                  {job.quota !== null && ` · ${t('jobs.quotaShort', { count: job.quota })}`}
                </Text>
                {salary && <Text size="sm">{t('publicPage.jobs.salary', { amount: salary })}</Text>}
                {job.agencyName ? (
                  <Group gap={6}>
                    <Text size="sm">
                      {job.agencyName} ({job.agencyLicenceNumber})
                    </Text>
                    {job.agencyLicenceStatus && <LicenceBadge status={job.agencyLicenceStatus} />}
                  </Group>
                ) : (
                  <Text size="sm">{t('publicPage.jobs.government')}</Text>
                )}
                <Text size="sm">
                  {job.closingDate ? t('jobs.closesOn', { date: formatDate(job.closingDate) }) : t('jobs.noClosingDate')}
                  {job.referenceNumber && ` · ${job.referenceNumber}`}
                </Text>
                {job.requirements && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {job.requirements}
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
        {jobs.data && jobs.data.total > jobs.data.items.length && (
          <Button variant="default" onClick={() => setPageSize((size) => Math.min(200, size + 20))} loading={jobs.isFetching}>
            {t('publicPage.jobs.more')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
