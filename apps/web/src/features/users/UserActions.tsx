import type { User } from '@desmigratif/contracts';
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconKey, IconLogout, IconShieldOff, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePhone } from '../../lib/usePhone';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { ResetTwoFactor } from '../account/ResetTwoFactor';
import { useSignOutEverywhere, useUpdateUser } from './api';
import { EditUserForm } from './EditUserForm';
import { ResetPasswordForm } from './ResetPasswordForm';

type Dialog = 'edit' | 'reset' | 'disable' | 'signOut' | 'resetTwoFactor' | null;

/** Edit, reset the password of, sign out everywhere, or switch off/on one account. */
export function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const phone = usePhone();
  // Only an admin resets another account's two-step verification (the server says so too).
  const mayResetTwoFactor = useCurrentUser().role === 'admin' && user.totpEnabled;
  const [dialog, setDialog] = useState<Dialog>(null);
  const update = useUpdateUser();
  const signOut = useSignOutEverywhere();
  const close = () => {
    setDialog(null);
    update.reset();
    signOut.reset();
  };

  const signOutEverywhere = async () => {
    const { revoked } = await signOut.mutateAsync(user.id);
    notifications.show({ color: 'green', message: t('accountSecurity.manage.signedOut', { username: user.username, count: revoked }) });
    close();
  };

  const toggleDisabled = async () => {
    const disabled = !user.disabled;
    await update.mutateAsync({ id: user.id, disabled });
    notifications.show({
      color: 'green',
      message: t(disabled ? 'users.disabledDone' : 'users.enabledDone', { username: user.username }),
    });
    close();
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { username: user.username })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')}>
            {t('users.edit')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setDialog('reset')}>
            {t('users.resetPassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => setDialog('signOut')}>
            {t('accountSecurity.manage.signOutEverywhere')}
          </Menu.Item>
          {mayResetTwoFactor && (
            <Menu.Item leftSection={<IconShieldOff size={16} />} onClick={() => setDialog('resetTwoFactor')}>
              {t('twoFactor.manage.reset')}
            </Menu.Item>
          )}
          <Menu.Item
            color={user.disabled ? undefined : 'red'}
            leftSection={user.disabled ? <IconUserCheck size={16} /> : <IconUserOff size={16} />}
            onClick={() => setDialog('disable')}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'edit'}
        onClose={close}
        title={t('users.editTitle', { username: user.username })}
        fullScreen={phone}
      >
        <EditUserForm user={user} onDone={close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'reset'}
        onClose={close}
        title={t('users.resetTitle', { username: user.username })}
        fullScreen={phone}
      >
        <ResetPasswordForm user={user} onDone={close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'signOut'}
        onClose={close}
        title={t('accountSecurity.manage.signOutEverywhere')}
      >
        <Stack gap="md">
          <Text size="sm">{t('accountSecurity.manage.signOutConfirm', { name: user.fullName, username: user.username })}</Text>
          {signOut.isError && <ErrorAlert error={signOut.error} />}
          <Group gap="xs">
            <Button color="red" loading={signOut.isPending} onClick={() => void signOutEverywhere().catch(() => undefined)}>
              {t('accountSecurity.manage.signOutEverywhere')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'resetTwoFactor'}
        onClose={close}
        title={t('twoFactor.manage.reset')}
      >
        <ResetTwoFactor user={user} onDone={close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'disable'}
        onClose={close}
        title={user.disabled ? t('users.enable') : t('users.disable')}
      >
        <Stack gap="md">
          <Text size="sm">
            {t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
              name: user.fullName,
              username: user.username,
            })}
          </Text>
          {update.isError && <ErrorAlert error={update.error} />}
          <Group gap="xs">
            <Button
              color={user.disabled ? 'green' : 'red'}
              loading={update.isPending}
              onClick={() => void toggleDisabled().catch(() => undefined)}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
