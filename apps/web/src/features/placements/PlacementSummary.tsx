import type { Placement } from '@desmigratif/contracts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/** One stay abroad in a few lines: where, when, the contract, and the return if there was one. */
export function PlacementSummary({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const back = placement.return;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {placement.destinationName}
        </Text>
        {back ? (
          <Badge color="green" variant="light" size="sm">
            {t('placements.returned', { date: formatDate(back.returnDate) })}
          </Badge>
        ) : (
          <Badge color="blue" variant="light" size="sm">
            {t('placements.abroad')}
          </Badge>
        )}
        {placement.contractEndsSoon && (
          <Badge color="orange" size="sm">
            {t('placements.contractEndsSoon')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t('placements.departed', { date: formatDate(placement.departureDate) })}
        {placement.employer && ` · ${placement.employer}`}
        {placement.agencyName && ` · ${placement.agencyName}`}
      </Text>
      {placement.contractEnd && (
        <Text size="xs" c="dimmed">
          {placement.contractStart
            ? t('placements.contract', { start: formatDate(placement.contractStart), end: formatDate(placement.contractEnd) })
            : t('placements.contractUntil', { end: formatDate(placement.contractEnd) })}
        </Text>
      )}
      {back && (
        <Text size="xs" c="dimmed">
          {t(`placements.returnReason.${back.reason}`)}
          {back.reintegrationNeeds.length > 0 && ` · ${back.reintegrationNeeds.map((need) => t(`placements.need.${need}`)).join(', ')}`}
        </Text>
      )}
    </Stack>
  );
}
