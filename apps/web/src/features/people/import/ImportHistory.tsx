import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PaginationBar } from '../../../components/PaginationBar';
import { CardLink } from '../../../components/RouterLinks';
import { ListSkeleton } from '../../../components/Skeletons';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { importHistorySize, useImportJobs } from './api';
import { ImportStatusBadge } from './ImportStatusBadge';

/** Every import of the village, newest first; each opens its result. */
export function ImportHistory({ villageCode, currentJob }: { villageCode: string; currentJob?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const jobs = useImportJobs(villageCode, page);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('peopleImport.history')}
        </Title>
        {jobs.isPending && <ListSkeleton rows={2} />}
        {jobs.isError && <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('peopleImport.noHistory')}
          </Text>
        )}
        {jobs.data?.items.map((job) => (
          <CardLink
            key={job.id}
            withBorder
            padding="xs"
            bg={job.id === currentJob ? 'var(--mantine-primary-color-light)' : undefined}
            to="/penduduk/desa/$villageCode/impor"
            params={{ villageCode }}
            search={{ job: job.id }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {job.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(job.createdAt)} · {job.createdByName ?? '—'}
                </Text>
                <Text size="xs">
                  {t('peopleImport.summary', {
                    created: formatNumber(job.createdCount),
                    updated: formatNumber(job.updatedCount),
                    unchanged: formatNumber(job.unchangedCount),
                    rejected: formatNumber(job.rejectedCount),
                  })}
                </Text>
              </Stack>
              <ImportStatusBadge status={job.status} />
            </Group>
          </CardLink>
        ))}
        {jobs.data && (
          <PaginationBar page={page} pageSize={importHistorySize} total={jobs.data.total} onChange={setPage} />
        )}
      </Stack>
    </Paper>
  );
}
