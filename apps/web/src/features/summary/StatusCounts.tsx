import { programVillageStatuses } from '@desmigratif/contracts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { statusColors } from '../villages/VillageStatusBadge';
import type { ProgramSummary } from './api';

/** Total villages and how many are in each status. */
export function StatusCounts({ summary }: { summary: ProgramSummary }) {
  const { t } = useTranslation();
  const tiles = [
    { key: 'total', label: t('summary.totalVillages'), value: summary.totalVillages, color: 'cyan' },
    ...programVillageStatuses.map((status) => ({
      key: status,
      label: t(`villageStatus.${status}`),
      value: summary.byStatus[status] ?? 0,
      color: statusColors[status],
    })),
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
      {tiles.map((tile) => (
        <Paper key={tile.key} withBorder p="sm" style={{ borderTop: `3px solid var(--mantine-color-${tile.color}-6)` }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {tile.label}
          </Text>
          <Text fw={700} fz={24}>
            {formatNumber(tile.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
