import type { SessionUser } from '@desmigratif/contracts';
import { Avatar, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useScopeLabel } from '../lib/useRegionName';
import { useAuth } from './auth/AuthContext';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const scopeLabel = useScopeLabel();
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('account.menu')}>
          <Avatar color="cyan" radius="xl" size={34}>
            {initials(user.fullName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} px="sm" py="xs">
          <Text fw={600} size="sm">
            {user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${user.role}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {scopeLabel(user.scopeCode, user.scopeName)}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate({ to: '/ubah-kata-sandi' })}>
          {t('nav.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconShieldLock size={16} />} onClick={() => void navigate({ to: '/keamanan-akun' })}>
          {t('accountSecurity.menu')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => {
            void signOut().then(() => navigate({ to: '/masuk', search: { redirect: undefined } }));
          }}
        >
          {t('account.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
