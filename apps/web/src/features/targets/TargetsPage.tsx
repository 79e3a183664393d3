import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/Skeletons';
import { formatNumber, formatPercent } from '../../lib/format';
import { useProgramSummary, useTargets } from '../summary/api';
import { LazySummaryCharts } from '../summary/LazySummaryCharts';
import { AddTargetForm } from './AddTargetForm';
import { mergeTargetRows } from './targetRows';
import { TargetInput } from './TargetInput';

export function TargetsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const editable = can(user.role, 'editTargets');
  const targets = useTargets();
  const summary = useProgramSummary(user.scopeCode);

  const failed = targets.error ?? summary.error;
  const rows = targets.data && summary.data ? mergeTargetRows(targets.data.items, summary.data.rows) : null;

  return (
    <>
      <PageHeader title={t('targets.title')} description={t('targets.description')} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3} fz="h4">
              {t('targets.tableTitle')}
            </Title>
            {failed && (
              <ErrorAlert error={failed} onRetry={() => void Promise.all([targets.refetch(), summary.refetch()])} />
            )}
            {!rows && !failed && <PageSkeleton />}
            {rows && (
              <Table.ScrollContainer minWidth={280}>
                <Table verticalSpacing="xs" horizontalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('summary.year')}</Table.Th>
                      <Table.Th>{t('summary.target')}</Table.Th>
                      <Table.Th ta="end">{t('summary.enrolled')}</Table.Th>
                      <Table.Th ta="end" visibleFrom="xs">
                        {t('summary.achieved')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.year}>
                        <Table.Td>{row.year}</Table.Td>
                        <Table.Td>
                          {editable ? (
                            <TargetInput year={row.year} target={row.target} />
                          ) : row.target === null ? (
                            '—'
                          ) : (
                            formatNumber(row.target)
                          )}
                        </Table.Td>
                        <Table.Td ta="end">{formatNumber(row.enrolled)}</Table.Td>
                        <Table.Td ta="end" visibleFrom="xs">
                          {row.target ? formatPercent(row.enrolled / row.target) : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {editable && rows && (
              <AddTargetForm existingYears={rows.filter((row) => row.target !== null).map((row) => row.year)} />
            )}
            {!editable && (
              <Text size="xs" c="dimmed">
                {t('targets.readOnly')}
              </Text>
            )}
          </Stack>
        </Paper>
        {summary.data && summary.data.rows.length > 0 && (
          <Paper withBorder p="md">
            <LazySummaryCharts rows={summary.data.rows} />
          </Paper>
        )}
      </Stack>
    </>
  );
}
