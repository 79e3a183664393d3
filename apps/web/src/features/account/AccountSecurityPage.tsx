import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconDeviceMobile, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { formatDateTime } from '../../lib/format';
import { type SessionList, useEndOtherSessions, useEndSession, useOwnSessions } from './api';
import { describeDevice } from './device';
import { TwoFactorSection } from './TwoFactorSection';

type AccountSession = SessionList['items'][number];

function SessionCard({ session }: { session: AccountSession }) {
  const { t } = useTranslation();
  const end = useEndSession();
  const { browser, system } = describeDevice(session.userAgent);
  const mobile = system === 'Android' || system === 'iOS';
  const device =
    browser && system
      ? t('accountSecurity.sessions.deviceOn', { browser, system })
      : (browser ?? system ?? t('accountSecurity.sessions.unknownDevice'));
  const endSession = async () => {
    await end.mutateAsync(session.id);
    notifications.show({ color: 'green', message: t('accountSecurity.sessions.ended', { device }) });
  };
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          {mobile ? <IconDeviceMobile size={22} aria-hidden /> : <IconDeviceDesktop size={22} aria-hidden />}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {device}
              </Text>
              {session.current && (
                <Badge color="green" variant="light" size="sm">
                  {t('accountSecurity.sessions.current')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('accountSecurity.sessions.address', { ip: session.ip ?? '—' })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('accountSecurity.sessions.signedIn', { at: formatDateTime(session.createdAt) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('accountSecurity.sessions.lastSeen', { at: formatDateTime(session.lastSeenAt) })}
            </Text>
          </Stack>
        </Group>
        {/* The current device signs out from the account menu, which also clears its offline data. */}
        {!session.current && (
          <Button size="xs" variant="light" color="red" loading={end.isPending} onClick={() => void endSession().catch(() => undefined)}>
            {t('accountSecurity.sessions.end')}
          </Button>
        )}
      </Group>
      {end.isError && <ErrorAlert error={end.error} />}
    </Paper>
  );
}

/**
 * "Keamanan akun": two-factor sign-in, where the account is signed in, and ending the sessions the
 * user does not recognise. An admin who must set up two-factor first sees only that.
 */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const forced = user.totpSetupRequired === true;
  return (
    <Stack maw={640}>
      <PageHeader title={t('accountSecurity.title')} description={t('accountSecurity.description')} />
      <TwoFactorSection forced={forced} />
      {!forced && <SessionsSection />}
    </Stack>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useOwnSessions();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  const endAllOthers = async () => {
    const { revoked } = await endOthers.mutateAsync();
    notifications.show({ color: 'green', message: t('accountSecurity.sessions.othersEnded', { count: revoked }) });
  };

  return (
    <Stack gap="sm" component="section">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={3} fz="h4">
            {t('accountSecurity.sessions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accountSecurity.sessions.help')}
          </Text>
        </Stack>
        {others > 0 && (
          <Button
            variant="default"
            leftSection={<IconLogout size={16} />}
            loading={endOthers.isPending}
            onClick={() => void endAllOthers().catch(() => undefined)}
          >
            {t('accountSecurity.sessions.endOthers')}
          </Button>
        )}
      </Group>
      {endOthers.isError && <ErrorAlert error={endOthers.error} />}
      {sessions.isPending && <ListSkeleton rows={2} />}
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accountSecurity.sessions.title')}>
          {sessions.data.items.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </Stack>
      )}
      {sessions.data && others === 0 && (
        <Text size="sm" c="dimmed">
          {t('accountSecurity.sessions.onlyThis')}
        </Text>
      )}
    </Stack>
  );
}
