import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { offlineDb } from '../../offline/db';
import { countWaiting } from '../../offline/outbox';

/**
 * Signing out never clears the outbox (a shared phone: the next officer must not wipe this one's
 * work). It says so when changes are still waiting, so the officer knows to sign in again with signal.
 */
export async function warnAboutWaitingChanges(userId: string): Promise<void> {
  const waiting = await countWaiting(offlineDb(), userId).catch(() => 0);
  if (waiting > 0) {
    notifications.show({ color: 'yellow', autoClose: 10_000, message: i18n.t('sync.logoutWaiting', { count: waiting }) });
  }
}
