import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { SummaryRow } from './api';

/** Villages formed per cohort against the target, and the running totals. Loaded on its own: charts are heavy. */
export function SummaryCharts({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  const withTargets = rows.some((row) => row.target !== null);
  const data = rows.map((row) => ({
    year: String(row.year),
    enrolled: row.enrolled,
    target: row.target ?? 0,
    cumulativeEnrolled: row.cumulativeEnrolled,
    cumulativeTarget: row.cumulativeTarget ?? 0,
  }));
  const enrolled = { name: 'enrolled', label: t('summary.enrolled'), color: 'cyan.7' };
  const target = { name: 'target', label: t('summary.target'), color: 'gray.5' };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('summary.perCohort')}
        </Text>
        <BarChart
          h={260}
          data={data}
          dataKey="year"
          series={withTargets ? [enrolled, target] : [enrolled]}
          withLegend
          valueFormatter={formatNumber}
          tickLine="y"
          aria-label={t('summary.perCohort')}
        />
      </Stack>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('summary.cumulative')}
        </Text>
        <LineChart
          h={260}
          data={data}
          dataKey="year"
          series={[
            { ...enrolled, name: 'cumulativeEnrolled' },
            ...(withTargets
              ? [{ ...target, name: 'cumulativeTarget', color: 'orange.6', strokeDasharray: '5 5' }]
              : []),
          ]}
          withLegend
          curveType="linear"
          valueFormatter={formatNumber}
          tickLine="y"
          aria-label={t('summary.cumulative')}
        />
      </Stack>
    </SimpleGrid>
  );
}
