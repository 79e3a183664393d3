import { Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The official procedure, in order (UU 18/2017): from the village centre to the pre-departure briefing. */
const steps = ['info', 'registration', 'selection', 'training', 'medical', 'bpjs', 'contract', 'briefing'] as const;

/** Signs of non-procedural placement, the same ones the officers' rules raise on a migration plan. */
const redFlags = [
  'unlicensed',
  'noJobOrder',
  'visa',
  'fees',
  'personalAccount',
  'moratorium',
  'shelter',
  'underAge',
  'hurry',
  'socialMedia',
] as const;

export function SafeStepsSection() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" id="langkah" aria-labelledby="langkah-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="langkah-title">
          {t('publicPage.steps.title')}
        </Title>
        <Text size="sm">{t('publicPage.steps.help')}</Text>
        <Timeline active={steps.length} bulletSize={26} lineWidth={2}>
          {steps.map((step, index) => (
            <Timeline.Item key={step} bullet={<Text size="xs" fw={700}>{index + 1}</Text>} title={t(`publicPage.steps.${step}.title`)}>
              <Text size="sm" c="dimmed">
                {t(`publicPage.steps.${step}.text`)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

export function RedFlagsSection() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" id="tanda-bahaya" aria-labelledby="tanda-bahaya-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="tanda-bahaya-title">
          {t('publicPage.redFlags.title')}
        </Title>
        <Text size="sm">{t('publicPage.redFlags.help')}</Text>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {redFlags.map((flag) => (
            <Group key={flag} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon color="red" variant="light" size="md" radius="xl" aria-hidden="true">
                <IconAlertTriangle size={16} />
              </ThemeIcon>
              <div>
                <Text fw={600} size="sm">
                  {t(`publicPage.redFlags.${flag}.title`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`publicPage.redFlags.${flag}.text`)}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
