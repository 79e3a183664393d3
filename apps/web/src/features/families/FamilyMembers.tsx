import { codeLabel, shdkList, type Family } from '@desmigratif/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardLink } from '../../components/RouterLinks';
import { ageOn } from '../people/age';
import { IdentityNumber } from '../people/IdentityNumber';
import { MigrantStatusBadge } from '../people/MigrantStatusBadge';

/** Everyone on the card, with their place in it (SHDK) and migrant status. */
export function FamilyMembers({ family }: { family: Family }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('family.members', { count: family.members.length })}
        </Title>
        {family.members.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('family.noMembers')}
          </Text>
        )}
        {family.members.map((member) => {
          const age = ageOn(member.birthDate);
          return (
            <CardLink
              key={member.id}
              withBorder
              padding="xs"
              data-testid="person-item"
              to="/penduduk/$personId"
              params={{ personId: member.id }}
            >
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {member.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    codeLabel(shdkList, member.familyRelationship) ?? t('family.noRelationship'),
                    age === null ? null : t('person.age', { count: age }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <IdentityNumber
                  value={member.nik}
                  temporary={member.nikTemporary}
                  duplicates={member.nikDuplicateCount}
                  size="xs"
                />
                <MigrantStatusBadge status={member.migrantStatus} size="sm" />
              </Stack>
            </CardLink>
          );
        })}
      </Stack>
    </Paper>
  );
}
