import type { Family } from '@desmigratif/contracts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { AnchorLink } from '../../components/RouterLinks';
import { IdentityNumber } from '../people/IdentityNumber';
import { InfoField } from '../people/InfoField';
import { formatPlace } from '../people/place';

/** The family card: current number, its history (numbers change when a family moves or splits), head and address. */
export function FamilyInfo({ family, actions }: { family: Family; actions?: ReactNode }) {
  const { t } = useTranslation();
  const address = [family.address, formatPlace(family)].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <InfoField label={t('family.noKk')}>
            <IdentityNumber value={family.noKk} temporary={family.noKkTemporary} />
          </InfoField>
          <InfoField label={t('family.head')}>
            {family.headPersonId && family.headName ? (
              <AnchorLink size="sm" to="/penduduk/$personId" params={{ personId: family.headPersonId }}>
                {family.headName}
              </AnchorLink>
            ) : (
              <Text size="sm" c="dimmed">
                {t('family.noHead')}
              </Text>
            )}
          </InfoField>
          <InfoField label={t('person.groupAddress')}>
            <Text size="sm" c={address ? undefined : 'dimmed'}>
              {address || t('common.notFilled')}
            </Text>
          </InfoField>
        </SimpleGrid>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('family.history')}
          </Title>
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('family.noKk')}</Table.Th>
                  <Table.Th>{t('family.validFrom')}</Table.Th>
                  <Table.Th>{t('family.validTo')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {family.noKkHistory.map((card) => (
                  <Table.Tr key={`${card.noKk}-${card.validFrom}`}>
                    <Table.Td>
                      <IdentityNumber value={card.noKk} temporary={card.noKk.startsWith('0')} size="xs" />
                    </Table.Td>
                    <Table.Td>{formatDate(card.validFrom)}</Table.Td>
                    <Table.Td>{card.validTo ? formatDate(card.validTo) : t('family.current')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        {actions}
      </Stack>
    </Paper>
  );
}
