import type { PersonDetail } from '@desmigratif/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlaneDeparture } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { usePlans } from './api';
import { PlanBadges } from './PlanBadges';

/** On a resident's page: their migration plans, and "Buat rencana migrasi" for those who record them. */
export function PersonPlansCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canRead = can(user.role, 'viewMigration');
  const plans = usePlans(person.villageCode, {}, canRead);
  if (!canRead) return null;
  const own = plans.data?.items.filter((plan) => plan.personId === person.id) ?? [];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('plans.personCard.title')}
        </Title>
        {plans.data && own.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('plans.personCard.none')}
          </Text>
        )}
        {own.map((plan) => (
          <Stack key={plan.id} gap={4}>
            <AnchorLink to="/rencana-migrasi/$planId" params={{ planId: plan.id }} fw={600}>
              {plan.occupation} · {plan.destinationName}
            </AnchorLink>
            <PlanBadges {...plan} />
          </Stack>
        ))}
        {can(user.role, 'writeMigration') && (
          <ButtonLink
            to="/rencana-migrasi/baru/$personId"
            params={{ personId: person.id }}
            leftSection={<IconPlaneDeparture size={16} />}
            variant="light"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('plans.personCard.create')}
          </ButtonLink>
        )}
      </Stack>
    </Paper>
  );
}
