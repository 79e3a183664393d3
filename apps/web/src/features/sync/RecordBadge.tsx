import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../offline/db';

const colors: Record<OutboxStatus, string> = { waiting: 'yellow', sent: 'teal', conflict: 'orange', rejected: 'red' };

/** Where a change made on this phone stands: waiting · sent · conflict · rejected (with the server's reason). */
export function RecordBadge({ status, reason }: { status: OutboxStatus; reason?: string }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={colors[status]} variant="light" size="sm" data-testid="sync-badge" data-status={status}>
      {t(`sync.badge.${status}`)}
    </Badge>
  );
  return reason ? <Tooltip label={t('sync.rejectedReason', { reason })} multiline maw={280}>{badge}</Tooltip> : badge;
}
