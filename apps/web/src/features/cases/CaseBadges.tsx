import type { Case, CaseStatus } from '@desmigratif/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

const statusColors: Record<CaseStatus, string> = { baru: 'red', ditangani_desa: 'yellow', dirujuk_kabupaten: 'grape', selesai: 'green' };

/** The case's status, its deadline (SLA) and whether that deadline has passed. */
export function CaseBadges({ item }: { item: Case }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={statusColors[item.status]} variant="light" size="sm">
        {t(`cases.status.${item.status}`)}
      </Badge>
      {item.overdue && (
        <Badge color="red" size="sm">
          {t('cases.overdue')}
        </Badge>
      )}
      {item.dueAt && !item.overdue && (
        <Badge color="gray" variant="outline" size="sm">
          {t('cases.dueAt', { date: formatDateTime(item.dueAt) })}
        </Badge>
      )}
    </Group>
  );
}
