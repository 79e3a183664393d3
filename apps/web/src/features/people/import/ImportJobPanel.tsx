import type { ImportJob } from '@desmigratif/contracts';
import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { peopleKeys } from '../api';
import { importKeys, isRunning, useImportJob } from './api';
import { ImportStatusBadge } from './ImportStatusBadge';
import { RejectsTable } from './RejectsTable';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0} align="flex-start">
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function jobProgress(job: ImportJob): number | null {
  if (job.totalRows === null || job.totalRows === 0) return null;
  return Math.min(1, job.processedRows / job.totalRows);
}

/** One import: polled every second until it ends (the id is in the URL, so a reload keeps watching), then its result. */
export function ImportJobPanel({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useImportJob(jobId);
  const finished = job.data !== undefined && !isRunning(job.data);
  const villageCode = job.data?.villageCode;

  useEffect(() => {
    if (!finished || !villageCode) return;
    void queryClient.invalidateQueries({ queryKey: peopleKeys.village(villageCode) });
    void queryClient.invalidateQueries({ queryKey: importKeys.jobs(villageCode) });
  }, [finished, villageCode, queryClient]);

  if (job.isPending) return <ListSkeleton rows={2} />;
  if (job.isError) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;

  const data = job.data;
  const fraction = jobProgress(data);
  return (
    <Paper withBorder p="md" data-testid="import-job">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              {data.fileName}
            </Title>
            <Text size="xs" c="dimmed">
              {t('peopleImport.uploadedBy', {
                date: formatDateTime(data.createdAt),
                name: data.createdByName ?? '—',
              })}
            </Text>
          </Stack>
          <ImportStatusBadge status={data.status} />
        </Group>
        {isRunning(data) && (
          <Stack gap={4}>
            <Text size="sm">
              {data.totalRows === null
                ? t('peopleImport.waiting')
                : t('peopleImport.processing', {
                    done: formatNumber(data.processedRows),
                    total: formatNumber(data.totalRows),
                    percent: formatPercent(fraction ?? 0),
                  })}
            </Text>
            <Progress value={(fraction ?? 0) * 100} animated aria-label={t('peopleImport.jobProgress')} />
          </Stack>
        )}
        {data.status === 'gagal' && (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('peopleImport.failed')} role="alert">
            {data.errorMessage ?? t('peopleImport.failedUnknown')}
          </Alert>
        )}
        {finished && (
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
            <Count label={t('peopleImport.created')} value={data.createdCount} color="green.8" />
            <Count label={t('peopleImport.updated')} value={data.updatedCount} color="blue.8" />
            <Count label={t('peopleImport.unchanged')} value={data.unchangedCount} />
            <Count label={t('peopleImport.rejected')} value={data.rejectedCount} color={data.rejectedCount ? 'red.8' : undefined} />
          </SimpleGrid>
        )}
        {finished && data.rejectedCount > 0 && <RejectsTable jobId={data.id} />}
      </Stack>
    </Paper>
  );
}
