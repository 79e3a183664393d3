import { codeLabel, shdkList, type PersonDetail } from '@desmigratif/contracts';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { IdentityNumber } from './IdentityNumber';

/** The person's family card (KK) and its members, with the way to the family's own page. */
export function PersonFamilyCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const family = person.family;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('person.groupFamily')}
        </Title>
        {!family ? (
          <Text size="sm" c="dimmed">
            {t('person.noFamily')}
          </Text>
        ) : (
          <>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('family.noKk')}
              </Text>
              <IdentityNumber value={family.noKk} temporary={family.noKk?.startsWith('0') ?? false} />
              <Text size="sm">
                {family.headName ? t('family.headValue', { name: family.headName }) : t('family.noHead')}
              </Text>
            </Stack>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {family.members.map((member) => (
                <Group key={member.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
                  {member.id === person.id ? (
                    <Text size="sm" fw={600}>
                      {member.name}
                    </Text>
                  ) : (
                    <AnchorLink size="sm" to="/penduduk/$personId" params={{ personId: member.id }}>
                      {member.name}
                    </AnchorLink>
                  )}
                  <Text size="xs" c="dimmed" ta="end">
                    {codeLabel(shdkList, member.familyRelationship) ?? '—'}
                  </Text>
                </Group>
              ))}
            </Stack>
            <ButtonLink
              variant="light"
              size="xs"
              leftSection={<IconHome size={14} />}
              to="/penduduk/keluarga/$familyId"
              params={{ familyId: family.id }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('person.openFamily')}
            </ButtonLink>
          </>
        )}
      </Stack>
    </Paper>
  );
}
