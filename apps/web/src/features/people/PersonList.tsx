import type { PersonSummary } from '@desmigratif/contracts';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CardLink } from '../../components/RouterLinks';
import { usePhone } from '../../lib/usePhone';
import { ageOn } from './age';
import { IdentityNumber } from './IdentityNumber';
import { MigrantStatusBadge } from './MigrantStatusBadge';
import { formatPlace } from './place';
import { StatusDasarBadge } from './StatusDasarBadge';

function useAgeText(): (person: PersonSummary) => string {
  const { t } = useTranslation();
  return (person) => {
    const age = ageOn(person.birthDate);
    return age === null ? t('person.ageUnknown') : t('person.age', { count: age });
  };
}

/** A village's residents as cards on a phone and a table on a wider screen. */
export function PersonList({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const ageText = useAgeText();

  if (phone) {
    return (
      <Stack gap="sm">
        {people.map((person) => (
          <CardLink
            key={person.id}
            data-testid="person-item"
            withBorder
            padding="sm"
            to="/penduduk/$personId"
            params={{ personId: person.id }}
          >
            <Stack gap={4}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {person.name}
                </Text>
                <MigrantStatusBadge status={person.migrantStatus} style={{ flexShrink: 0 }} />
              </Group>
              <IdentityNumber
                value={person.nik}
                temporary={person.nikTemporary}
                duplicates={person.nikDuplicateCount}
                size="xs"
              />
              <Text size="sm" c="dimmed">
                {[t(`sex.${person.sex === 2 ? 2 : 1}`), ageText(person), formatPlace(person)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <StatusDasarBadge code={person.statusDasar} />
            </Stack>
          </CardLink>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('person.name')}</Table.Th>
            <Table.Th>{t('person.nik')}</Table.Th>
            <Table.Th>{t('person.sex')}</Table.Th>
            <Table.Th>{t('people.ageColumn')}</Table.Th>
            <Table.Th>{t('people.placeColumn')}</Table.Th>
            <Table.Th>{t('person.migrantStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr
              key={person.id}
              data-testid="person-item"
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate({ to: '/penduduk/$personId', params: { personId: person.id } })}
            >
              <Table.Td>
                <AnchorLink to="/penduduk/$personId" params={{ personId: person.id }} fw={600} size="sm">
                  {person.name}
                </AnchorLink>
                <StatusDasarBadge code={person.statusDasar} />
              </Table.Td>
              <Table.Td>
                <IdentityNumber
                  value={person.nik}
                  temporary={person.nikTemporary}
                  duplicates={person.nikDuplicateCount}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`sex.${person.sex === 2 ? 2 : 1}`)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{ageText(person)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatPlace(person) || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <MigrantStatusBadge status={person.migrantStatus} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
