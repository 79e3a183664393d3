import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useMatches } from '@tanstack/react-router';
import { ForbiddenPage } from '../features/errors/ForbiddenPage';
import { SyncLoop } from '../features/sync/SyncShell';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { useAuth } from './auth/AuthContext';
import { can } from './auth/permissions';

/** The shell around every signed-in screen. The route guard sends visitors without a session to the login; this shows 403 to roles without the screen's permission. */
export function AppLayout() {
  const { user } = useAuth();
  const matches = useMatches();
  const [navOpen, { toggle, close }] = useDisclosure(false);

  /** Signed out a moment ago: the guard is about to move to the login screen. */
  if (!user) return null;
  // A temporary password or an admin's missing two-step verification: one screen, no menu.
  const restricted = user.mustChangePassword || user.totpSetupRequired === true;

  const allowed = matches.every((match) => !match.staticData.permission || can(user.role, match.staticData.permission));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpen, desktop: restricted } }}
      padding="md"
    >
      {/* An admin held to the two-step setup reaches no other route, the sync included. */}
      {!user.totpSetupRequired && <SyncLoop user={user} />}
      <AppHeader user={user} navOpen={navOpen} onToggleNav={toggle} withNav={!restricted} />
      {!restricted && <AppNavbar user={user} onNavigate={close} />}
      <AppShell.Main>
        <Container size="lg" px={0}>
          {allowed ? <Outlet /> : <ForbiddenPage />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
