import type { User } from '@desmigratif/contracts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResetTotp } from './api';

/** An admin turns off another account's two-step verification (phone and recovery codes lost). */
export function ResetTwoFactor({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useResetTotp();
  const confirm = async () => {
    await reset.mutateAsync(user.id);
    notifications.show({ color: 'green', message: t('twoFactor.manage.resetDone', { username: user.username }) });
    onDone();
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('twoFactor.manage.resetConfirm', { name: user.fullName, username: user.username })}</Text>
      {reset.isError && <ErrorAlert error={reset.error} />}
      <Group gap="xs">
        <Button color="red" loading={reset.isPending} onClick={() => void confirm().catch(() => undefined)}>
          {t('twoFactor.manage.reset')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('actions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
