import type { User } from '@desmigratif/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

export function UserStatusBadges({ user, now = new Date() }: { user: User; now?: Date }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > now;
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="red" variant="light">
          {t('users.statusDisabled')}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t('users.statusActive')}
        </Badge>
      )}
      {locked && user.lockedUntil && (
        <Badge color="orange" variant="light" title={formatDateTime(user.lockedUntil)}>
          {t('users.statusLocked')}
        </Badge>
      )}
      {user.totpEnabled && (
        <Badge color="blue" variant="light">
          {t('twoFactor.manage.badge')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="yellow" variant="light">
          {t('users.statusMustChange')}
        </Badge>
      )}
    </Group>
  );
}
