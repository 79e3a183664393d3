import type { SessionUser } from '@desmigratif/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { FullPageError, FullPageLoader } from '../../components/FullPageStatus';
import { fetchSession, login, logout, sessionQueryKey, type LoginRequest } from './session';

interface AuthValue {
  user: SessionUser | null;
  signIn: (request: LoginRequest) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** Reads the session again, e.g. after the password changed. */
  reload: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // 'always': without signal the check still runs, and resumes the offline session (it never reaches the network then).
  const session = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Infinity, networkMode: 'always' });

  const value = useMemo<AuthValue>(
    () => ({
      user: session.data?.user ?? null,
      signIn: async (request) => {
        const next = await login(request);
        queryClient.setQueryData(sessionQueryKey, next);
        return next.user;
      },
      signOut: async () => {
        if (session.data) await (await import('../../features/sync/logoutWarning')).warnAboutWaitingChanges(session.data.user.id);
        try {
          await logout();
        } finally {
          // Drop the signed-out user's data from memory (a shared phone), but keep the session
          // query itself observed: clearing it would leave the screen showing the old page.
          queryClient.setQueryData(sessionQueryKey, null);
          queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
        }
      },
      reload: async () => {
        await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0, networkMode: 'always' });
      },
    }),
    [queryClient, session.data],
  );

  if (session.isPending) return <FullPageLoader />;
  if (session.isError && session.data === undefined)
    return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user, for screens that only render behind the login. */
export function useCurrentUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
