import type { ProgramVillageStatus } from '@desmigratif/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const statusColors: Record<ProgramVillageStatus, string> = {
  diusulkan: 'yellow',
  aktif: 'green',
  mandiri: 'blue',
  nonaktif: 'gray',
};

export function VillageStatusBadge({ status, ...props }: { status: ProgramVillageStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" {...props}>
      {t(`villageStatus.${status}`)}
    </Badge>
  );
}
