import type { SessionUser } from '@desmigratif/contracts';
import { AppShell, Burger, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { SyncIndicator } from '../features/sync/SyncShell';
import { useScopeLabel } from '../lib/useRegionName';
import { useWiderThan } from '../lib/usePhone';
import { AccountMenu } from './AccountMenu';
import { Logo } from './Logo';

interface AppHeaderProps {
  user: SessionUser;
  navOpen: boolean;
  onToggleNav: () => void;
  /** False while the user must change their password: there is nowhere else to go. */
  withNav: boolean;
}

export function AppHeader({ user, navOpen, onToggleNav, withNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const scopeLabel = useScopeLabel();
  /** Name, role and scope beside the avatar when there is room; on a phone they are in the account menu. */
  const showIdentity = useWiderThan('62em');
  return (
    <AppShell.Header>
      <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {withNav && (
            <Burger opened={navOpen} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
          )}
          <Link
            to="/"
            style={{ display: 'flex', alignItems: 'center', gap: 8, textDecoration: 'none', color: 'inherit' }}
          >
            <Logo size={30} />
            <Text fw={700} size="lg" component="span">
              Desmigratif
            </Text>
          </Link>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {showIdentity && (
            <Stack gap={0} align="flex-end" style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate="end" maw={320}>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={420}>
                {t(`role.${user.role}`)} · {scopeLabel(user.scopeCode, user.scopeName)}
              </Text>
            </Stack>
          )}
          <SyncIndicator user={user} />
          <LanguageToggle />
          <AccountMenu user={user} />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
