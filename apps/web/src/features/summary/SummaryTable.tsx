import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import type { SummaryRow } from './api';

function count(value: number | null): string {
  return value === null ? '—' : formatNumber(value);
}

export function SummaryTable({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  const withTargets = rows.some((row) => row.target !== null);
  return (
    <Table.ScrollContainer minWidth={withTargets ? 520 : 280}>
      <Table striped verticalSpacing="xs" ta="end">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="start">{t('summary.year')}</Table.Th>
            {withTargets && <Table.Th ta="end">{t('summary.target')}</Table.Th>}
            <Table.Th ta="end">{t('summary.enrolled')}</Table.Th>
            {withTargets && <Table.Th ta="end">{t('summary.achieved')}</Table.Th>}
            <Table.Th ta="end">{t('summary.cumulativeEnrolled')}</Table.Th>
            {withTargets && <Table.Th ta="end">{t('summary.cumulativeTarget')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.year}>
              <Table.Td ta="start">{row.year}</Table.Td>
              {withTargets && <Table.Td>{count(row.target)}</Table.Td>}
              <Table.Td>{formatNumber(row.enrolled)}</Table.Td>
              {withTargets && <Table.Td>{row.target ? formatPercent(row.enrolled / row.target) : '—'}</Table.Td>}
              <Table.Td>{formatNumber(row.cumulativeEnrolled)}</Table.Td>
              {withTargets && <Table.Td>{count(row.cumulativeTarget)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
