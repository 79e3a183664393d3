import { AppShell, ScrollArea, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@desmigratif/contracts';
import { NavLinkItem } from '../components/RouterLinks';
import { navItemsFor } from './navigation';

export function AppNavbar({ user, onNavigate }: { user: SessionUser; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
      <AppShell.Section grow component={ScrollArea}>
        <Stack gap={4}>
          {navItemsFor(user).map((item) => (
            <NavLinkItem
              key={item.key}
              {...item.link}
              activeOptions={{ exact: !item.fuzzy, includeSearch: false }}
              activeProps={{ active: true }}
              label={t(`nav.${item.key}`)}
              leftSection={item.icon}
              onClick={onNavigate}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
