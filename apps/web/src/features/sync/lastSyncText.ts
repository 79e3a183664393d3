import { formatDateTime } from '../../lib/format';

type Translate = (key: 'sync.justNow' | 'sync.minutesAgo', options?: { count: number }) => string;

/** "baru saja", "12 menit lalu" within the hour, else the date and time (WIB). */
export function lastSyncText(iso: string, now: Date, t: Translate): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t('sync.justNow');
  if (minutes < 60) return t('sync.minutesAgo', { count: minutes });
  return formatDateTime(iso);
}
