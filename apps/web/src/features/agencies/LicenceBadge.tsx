import type { AgencyLicenceStatus } from '@desmigratif/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<AgencyLicenceStatus, string> = { licensed: 'green', expired: 'red', unknown: 'orange' };

/** Licensed, expired or not in the registry, in the colours a villager reads at a glance. */
export function LicenceBadge({ status }: { status: AgencyLicenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`agencies.status.${status}`)}
    </Badge>
  );
}
