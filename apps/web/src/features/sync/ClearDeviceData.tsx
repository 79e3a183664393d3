import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { clearDeviceData, describeDeviceData, type DeviceData } from '../../offline/clear';
import { offlineDb } from '../../offline/db';
import { syncEngine } from '../../offline/sync';

/**
 * "Hapus data di perangkat ini": asks first, saying how many of the officer's changes would be lost
 * (and that other officers' changes stay), and clears only after the officer confirms. The button
 * sits in the sync popover; the dialog must be rendered outside it (`modal`): a click in the dialog
 * is a click outside the popover, which closes and unmounts the popover's content.
 */
export function useClearDeviceData() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [data, setData] = useState<DeviceData | null>(null);
  const [clearing, setClearing] = useState(false);

  const ask = async () => setData(await describeDeviceData(offlineDb(), user.id));
  const clear = async () => {
    setClearing(true);
    try {
      await clearDeviceData(offlineDb(), user.id);
      await syncEngine.loadLastSync(user.id);
      notifications.show({ color: 'green', message: t('offlineWork.clear.done') });
      setData(null);
    } finally {
      setClearing(false);
    }
  };

  const button = (
    <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void ask()} data-testid="clear-device-data">
      {t('offlineWork.clear.action')}
    </Button>
  );
  const modal = (
    <Modal opened={data !== null} onClose={() => setData(null)} title={t('offlineWork.clear.title')} centered>
      {data && (
        <Stack gap="sm">
          <Text size="sm">{t('offlineWork.clear.what', { count: data.rows })}</Text>
          {data.ownWaiting > 0 && (
            <Alert color="red" p="xs" data-testid="clear-waiting-warning">
              <Text size="sm">{t('offlineWork.clear.ownWaiting', { count: data.ownWaiting })}</Text>
            </Alert>
          )}
          {data.othersWaiting > 0 && <Text size="sm">{t('offlineWork.clear.othersWaiting', { count: data.othersWaiting })}</Text>}
          <Text size="sm" c="dimmed">{t('offlineWork.clear.after')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setData(null)}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={clearing} onClick={() => void clear()}>
              {data.ownWaiting > 0 ? t('offlineWork.clear.confirmLosing', { count: data.ownWaiting }) : t('offlineWork.clear.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
  return { button, modal };
}
