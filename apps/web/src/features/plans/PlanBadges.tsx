import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Ready or not, what is missing, and the red flags: the same three signs on the list and the detail. */
export function PlanBadges({ ready, missingCount, blockerCount, redFlagCount, highRedFlagCount }: {
  ready: boolean;
  missingCount: number;
  blockerCount: number;
  redFlagCount: number;
  highRedFlagCount: number;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color={ready ? 'green' : blockerCount > 0 ? 'red' : 'gray'} variant={ready ? 'filled' : 'light'}>
        {ready ? t('plans.ready') : blockerCount > 0 ? t('plans.blocked') : t('plans.notReady')}
      </Badge>
      {missingCount > 0 && (
        <Badge color="orange" variant="light">
          {t('plans.missingCount', { count: missingCount })}
        </Badge>
      )}
      {redFlagCount > 0 && (
        <Badge color={highRedFlagCount > 0 ? 'red' : 'yellow'} variant="filled">
          {t('plans.redFlagCount', { count: redFlagCount })}
        </Badge>
      )}
    </Group>
  );
}
