import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { createQueryClient } from './queryClient';
import { router } from './router';
import { theme } from './theme';

const queryClient = createQueryClient();

/** Gives the router the signed-in user and re-runs its guards whenever that changes (login, logout, session expiry). */
function AuthenticatedRouter() {
  const { user } = useAuth();
  useEffect(() => {
    void router.invalidate();
  }, [user]);
  return <RouterProvider router={router} context={{ user }} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <AuthenticatedRouter />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
