import { formatRegionCode, type ProgramVillage } from '@desmigratif/contracts';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CardLink } from '../../components/RouterLinks';
import { displayRegionName } from '../../lib/regions';
import { usePhone } from '../../lib/usePhone';
import { VillageStatusBadge } from './VillageStatusBadge';

/** Programme villages as cards on a phone and a table on a wider screen. */
export function VillageList({ villages }: { villages: ProgramVillage[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const open = (code: string) => void navigate({ to: '/desa/$villageCode', params: { villageCode: code } });

  if (phone) {
    return (
      <Stack gap="sm">
        {villages.map((village) => (
          <CardLink
            key={village.villageCode}
            data-testid="village-item"
            withBorder
            padding="sm"
            to="/desa/$villageCode"
            params={{ villageCode: village.villageCode }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{village.villageName}</Text>
                <Text size="xs" c="dimmed">
                  {formatRegionCode(village.villageCode)}
                </Text>
                <Text size="sm" c="dimmed">
                  {displayRegionName(village.districtName)}, {displayRegionName(village.regencyName)}
                </Text>
              </div>
              <Stack gap={4} align="flex-end">
                <VillageStatusBadge status={village.status} />
                <Text size="xs" c="dimmed">
                  {t('village.cohortValue', { year: village.cohortYear })}
                </Text>
              </Stack>
            </Group>
          </CardLink>
        ))}
      </Stack>
    );
  }
  return (
    <Table highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('villages.village')}</Table.Th>
          <Table.Th>{t('villages.place')}</Table.Th>
          <Table.Th>{t('village.cohort')}</Table.Th>
          <Table.Th>{t('village.status')}</Table.Th>
          <Table.Th>{t('village.officers')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {villages.map((village) => (
          <Table.Tr
            key={village.villageCode}
            data-testid="village-item"
            style={{ cursor: 'pointer' }}
            onClick={() => open(village.villageCode)}
          >
            <Table.Td>
              <AnchorLink to="/desa/$villageCode" params={{ villageCode: village.villageCode }} fw={600} size="sm">
                {village.villageName}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {formatRegionCode(village.villageCode)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {displayRegionName(village.districtName)}, {displayRegionName(village.regencyName)}
              </Text>
              <Text size="xs" c="dimmed">
                {displayRegionName(village.provinceName)}
              </Text>
            </Table.Td>
            <Table.Td>{village.cohortYear}</Table.Td>
            <Table.Td>
              <VillageStatusBadge status={village.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{village.officers.map((officer) => officer.name).join(', ') || '—'}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
