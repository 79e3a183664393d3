import { formatRegionCode, type ProgramVillage } from '@desmigratif/contracts';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { displayRegionName } from '../../lib/regions';
import { useRegionName } from '../../lib/useRegionName';
import { VillageStatusBadge } from './VillageStatusBadge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Person({ name, phone }: { name: string; phone: string | null | undefined }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{name}</Text>
      {phone && (
        <Anchor href={`tel:${phone}`} size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            <IconPhone size={14} aria-hidden="true" />
            {phone}
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

/** Where the village is (district, regency, province). */
export function villagePlace(village: ProgramVillage): string {
  return [village.districtName, village.regencyName, village.provinceName].map(displayRegionName).join(', ');
}

/** A programme village at a glance: status, cohort, officers and village head. */
export function VillageInfo({
  village,
  withTitle = true,
  actions,
}: {
  village: ProgramVillage;
  withTitle?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        {withTitle && (
          <div>
            <Title order={3}>{regionName(village.villageCode, village.villageName)}</Title>
            <Text size="sm" c="dimmed">
              {villagePlace(village)} · {formatRegionCode(village.villageCode)}
            </Text>
          </div>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Field label={t('village.status')}>
            <VillageStatusBadge status={village.status} />
          </Field>
          <Field label={t('village.cohort')}>
            <Text size="sm">{village.cohortYear}</Text>
          </Field>
          <Field label={t('village.enrolledAt')}>
            <Text size="sm">{formatDate(village.enrolledAt)}</Text>
          </Field>
          <Field label={t('village.updatedAt')}>
            <Text size="sm">{formatDateTime(village.updatedAt)}</Text>
          </Field>
          <Field label={t('village.officers')}>
            {village.officers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('village.noOfficers')}
              </Text>
            ) : (
              <Stack gap={4}>
                {village.officers.map((officer) => (
                  <Person key={officer.name} name={officer.name} phone={officer.phone} />
                ))}
              </Stack>
            )}
          </Field>
          <Field label={t('village.head')}>
            {village.headName ? (
              <Person name={village.headName} phone={village.headPhone} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('common.notFilled')}
              </Text>
            )}
          </Field>
          <Field label={t('village.notes')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={village.notes ? undefined : 'dimmed'}>
              {village.notes ?? t('common.notFilled')}
            </Text>
          </Field>
        </SimpleGrid>
        {actions && <Group gap="xs">{actions}</Group>}
      </Stack>
    </Paper>
  );
}
