import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { serviceTypes } from '@desmigratif/contracts';
import { Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { formatNumber } from '../../lib/format';
import { useServiceSummary } from './api';

const colors = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'red.6', 'lime.7', 'gray.6'];

/** Month × service type for a year: the chart and the numbers the officer copies into the report. */
export function ServiceSummaryChart({ villageCode, year, onYearChange }: { villageCode: string; year: number; onYearChange: (year: number) => void }) {
  const { t, i18n } = useTranslation();
  const summary = useServiceSummary(villageCode, year);
  const monthNames = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' });
  const monthLabel = (month: string) => monthNames.format(new Date(`${month}-15T00:00:00Z`));

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {t('services.summary.title')}
          </Title>
          <NumberInput
            label={t('services.summary.year')}
            value={year}
            min={2000}
            max={2100}
            w={110}
            onChange={(value) => typeof value === 'number' && value >= 2000 && value <= 2100 && onYearChange(value)}
          />
        </Group>
        {summary.isPending && <ListSkeleton rows={3} />}
        {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data &&
          (summary.data.total === 0 ? (
            <Text c="dimmed" size="sm">
              {t('services.summary.empty', { year })}
            </Text>
          ) : (
            <>
              <Text size="sm">{t('services.summary.total', { count: summary.data.total, year })}</Text>
              <BarChart
                h={260}
                type="stacked"
                data={summary.data.months.map((m) => ({ month: monthLabel(m.month).slice(0, 3), ...m.byType }))}
                dataKey="month"
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                series={serviceTypes.map((type, i) => ({ name: type, label: t(`services.types.${type}`), color: colors[i % colors.length]! }))}
              />
              <Table.ScrollContainer minWidth={480}>
                <Table striped withTableBorder fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('services.summary.month')}</Table.Th>
                      {serviceTypes.map((type) => (
                        <Table.Th key={type}>{t(`services.types.${type}`)}</Table.Th>
                      ))}
                      <Table.Th>{t('services.summary.sum')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {summary.data.months.map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{monthLabel(m.month)}</Table.Td>
                        {serviceTypes.map((type) => (
                          <Table.Td key={type}>{formatNumber(m.byType[type])}</Table.Td>
                        ))}
                        <Table.Td fw={600}>{formatNumber(m.total)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ))}
      </Stack>
    </Paper>
  );
}
