import { ActionIcon, Alert, Button, Indicator, Popover, Stack, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUp, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../app/auth/AuthContext';
import { ButtonLink } from '../../components/RouterLinks';
import { useSyncState } from '../../offline/sync';
import { useClearDeviceData } from './ClearDeviceData';
import { useWaitingCount } from './hooks';
import { lastSyncText } from './lastSyncText';
import { syncWithSession } from './useSyncLoop';

/** Signal, changes waiting, last sync, and "sync now" (shown through SyncShell's SyncIndicator). */
export function SyncStatus() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { reload } = useAuth();
  const state = useSyncState();
  const known = useWaitingCount();
  const waiting = known ?? 0;
  const Icon = !state.online ? IconCloudOff : waiting > 0 ? IconCloudUp : IconCloudCheck;
  const color = !state.online ? 'gray' : state.problem ? 'red' : waiting > 0 ? 'yellow' : 'teal';
  const label = `${state.online ? t('sync.online') : t('sync.offline')} · ${t('sync.waiting', { count: waiting })}`;
  const clearData = useClearDeviceData();

  return (
    <>
      <Popover width={280} position="bottom-end" shadow="md" withArrow>
        <Popover.Target>
          <Indicator label={waiting} size={16} disabled={waiting === 0} color="yellow" offset={4}>
            <ActionIcon variant="subtle" color={color} size="lg" aria-label={label} data-testid="sync-indicator" data-online={state.online} data-waiting={known}>
              <Icon size={22} />
            </ActionIcon>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Text fw={600}>{t('sync.statusTitle')}</Text>
            <Text size="sm">{state.online ? t('sync.online') : t('sync.offline')}</Text>
            <Text size="sm" data-testid="sync-waiting">
              {waiting > 0 ? t('sync.waiting', { count: waiting }) : t('sync.nothingWaiting')}
            </Text>
            <Text size="sm" c="dimmed" data-testid="sync-last">
              {state.lastSyncAt ? t('sync.lastSync', { when: lastSyncText(state.lastSyncAt, new Date(), t) }) : t('sync.neverSynced')}
            </Text>
            {state.problem && (
              <Alert color={state.problem === 'offline' ? 'gray' : 'red'} p="xs">
                <Text size="sm">{t(`sync.problem.${state.problem}`)}</Text>
              </Alert>
            )}
            <Button
              leftSection={<IconRefresh size={16} />}
              loading={state.syncing}
              disabled={!state.online}
              onClick={() => void syncWithSession(user, reload)}
            >
              {t('sync.syncNow')}
            </Button>
            <ButtonLink variant="subtle" to="/sinkron">
              {t('sync.openConflicts')}
            </ButtonLink>
            {clearData.button}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {clearData.modal}
    </>
  );
}
