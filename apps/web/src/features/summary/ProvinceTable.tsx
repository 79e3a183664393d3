import { formatRegionCode } from '@desmigratif/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { displayRegionName } from '../../lib/regions';
import type { ProgramSummary } from './api';

export function ProvinceTable({ provinces }: { provinces: ProgramSummary['byProvince'] }) {
  const { t } = useTranslation();
  const sorted = [...provinces].sort((a, b) => b.villages - a.villages || a.name.localeCompare(b.name));
  return (
    <Table striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('summary.province')}</Table.Th>
          <Table.Th ta="end">{t('summary.villages')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((province) => (
          <Table.Tr key={province.code}>
            <Table.Td>
              {displayRegionName(province.name)}{' '}
              <Text component="span" c="dimmed" size="xs">
                {formatRegionCode(province.code)}
              </Text>
            </Table.Td>
            <Table.Td ta="end">{formatNumber(province.villages)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
