import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSkeleton } from '../../components/Skeletons';
import { useProgramSummary } from './api';
import { LazySummaryCharts } from './LazySummaryCharts';
import { ProvinceTable } from './ProvinceTable';
import { StatusCounts } from './StatusCounts';
import { SummaryTable } from './SummaryTable';

/** Programme figures for a scope: counts by status, villages per cohort against target, and per province. */
export function ProgramSummaryPanel({ within }: { within: string }) {
  const { t } = useTranslation();
  const summary = useProgramSummary(within);
  if (summary.isPending) return <PageSkeleton />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  return (
    <Stack gap="lg">
      <StatusCounts summary={data} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <Title order={3} fz="h4">
            {t('summary.cohortsTitle')}
          </Title>
          {data.rows.length > 0 && <LazySummaryCharts rows={data.rows} />}
          <SummaryTable rows={data.rows} />
        </Stack>
      </Paper>
      {data.byProvince.length > 1 && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3} fz="h4">
              {t('summary.byProvince')}
            </Title>
            <ProvinceTable provinces={data.byProvince} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
