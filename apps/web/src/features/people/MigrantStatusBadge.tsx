import type { MigrantStatus } from '@desmigratif/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const migrantStatusColors: Record<MigrantStatus, string> = {
  bukan_pmi: 'gray',
  calon_pmi: 'yellow',
  pmi: 'blue',
  purna_pmi: 'green',
  keluarga_pmi: 'grape',
};

export function MigrantStatusBadge({ status, ...props }: { status: MigrantStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={migrantStatusColors[status]} variant="light" {...props}>
      {t(`migrantStatus.${status}`)}
    </Badge>
  );
}
