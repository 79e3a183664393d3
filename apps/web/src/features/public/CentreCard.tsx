import type { VillageCentre } from '@desmigratif/contracts';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconClock, IconMapPin, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayRegionName } from '../../lib/regions';

function Line({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <span aria-hidden="true" style={{ paddingTop: 2 }}>
        {icon}
      </span>
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {children}
      </div>
    </Group>
  );
}

/** A village centre's address, hours and phone: what a villager needs to walk in. */
export function CentreCard({ centre, footer }: { centre: VillageCentre; footer?: ReactNode }) {
  const { t } = useTranslation();
  const missing = (
    <Text size="sm" c="dimmed">
      {t('publicPage.centre.notFilled')}
    </Text>
  );
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <div>
          <Text fw={600}>{displayRegionName(centre.villageName)}</Text>
          <Text size="xs" c="dimmed">
            {[centre.districtName, centre.regencyName, centre.provinceName].map(displayRegionName).join(', ')}
          </Text>
        </div>
        <Line icon={<IconMapPin size={16} />} label={t('publicPage.centre.address')}>
          {centre.centreAddress ? <Text size="sm">{centre.centreAddress}</Text> : missing}
        </Line>
        <Line icon={<IconClock size={16} />} label={t('publicPage.centre.hours')}>
          {centre.centreHours ? <Text size="sm">{centre.centreHours}</Text> : missing}
        </Line>
        <Line icon={<IconPhone size={16} />} label={t('publicPage.centre.phone')}>
          {centre.centrePhone ? (
            <Anchor href={`tel:${centre.centrePhone}`} size="sm">
              {centre.centrePhone}
            </Anchor>
          ) : (
            missing
          )}
        </Line>
        {footer}
      </Stack>
    </Card>
  );
}
