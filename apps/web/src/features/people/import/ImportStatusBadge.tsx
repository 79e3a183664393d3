import type { ImportJobStatus } from '@desmigratif/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<ImportJobStatus, string> = { antri: 'gray', berjalan: 'blue', selesai: 'green', gagal: 'red' };

export function ImportStatusBadge({ status }: { status: ImportJobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`importStatus.${status}`)}
    </Badge>
  );
}
