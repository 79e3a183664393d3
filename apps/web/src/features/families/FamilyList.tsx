import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CardLink } from '../../components/RouterLinks';
import { usePhone } from '../../lib/usePhone';
import { IdentityNumber } from '../people/IdentityNumber';
import { formatPlace } from '../people/place';
import type { FamilyListItem } from './api';

function MigrantCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge size="sm" color="blue" variant="light">
      {t('family.migrantCount', { count })}
    </Badge>
  );
}

/** A village's family cards (KK): cards on a phone, a table on a wider screen. */
export function FamilyList({ families }: { families: FamilyListItem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const noHead = t('family.noHead');

  if (phone) {
    return (
      <Stack gap="sm">
        {families.map((family) => (
          <CardLink
            key={family.id}
            data-testid="family-item"
            withBorder
            padding="sm"
            to="/penduduk/keluarga/$familyId"
            params={{ familyId: family.id }}
          >
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={600} style={{ minWidth: 0 }}>
                  {family.headName ?? noHead}
                </Text>
                <MigrantCount count={family.migrantCount} />
              </Group>
              <IdentityNumber value={family.noKk} temporary={family.noKk?.startsWith('0') ?? false} size="xs" />
              <Text size="sm" c="dimmed">
                {[t('family.memberCount', { count: family.memberCount }), formatPlace(family)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          </CardLink>
        ))}
      </Stack>
    );
  }
  return (
    <Table highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('family.head')}</Table.Th>
          <Table.Th>{t('family.noKk')}</Table.Th>
          <Table.Th>{t('family.membersColumn')}</Table.Th>
          <Table.Th>{t('people.placeColumn')}</Table.Th>
          <Table.Th>{t('family.migrantsColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {families.map((family) => (
          <Table.Tr
            key={family.id}
            data-testid="family-item"
            style={{ cursor: 'pointer' }}
            onClick={() => void navigate({ to: '/penduduk/keluarga/$familyId', params: { familyId: family.id } })}
          >
            <Table.Td>
              <AnchorLink to="/penduduk/keluarga/$familyId" params={{ familyId: family.id }} fw={600} size="sm">
                {family.headName ?? noHead}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <IdentityNumber value={family.noKk} temporary={family.noKk?.startsWith('0') ?? false} />
            </Table.Td>
            <Table.Td>{family.memberCount}</Table.Td>
            <Table.Td>
              <Text size="sm">{formatPlace(family) || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <MigrantCount count={family.migrantCount} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
