import type { PersonDetail } from '@desmigratif/contracts';
import { Button, Modal, Paper, Stack, Text, Timeline, Title, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { MigrantStatusBadge } from './MigrantStatusBadge';
import { RecordStatusForm } from './RecordStatusForm';
import { newestFirst } from './statusHistory';

/** The migrant status as dated events, newest first, and the way to record the next one. */
export function StatusTimeline({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [opened, { open, close }] = useDisclosure(false);
  const events = newestFirst(person.statusHistory);

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('person.statusHistory')}
          </Title>
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
              {t('person.recordStatus')}
            </Button>
          )}
        </Group>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('person.noStatusHistory')}
          </Text>
        ) : (
          <Timeline active={0} bulletSize={14} lineWidth={2} aria-label={t('person.statusHistory')}>
            {events.map((event) => (
              <Timeline.Item
                key={event.id}
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {formatDate(event.effectiveDate)}
                    </Text>
                    <MigrantStatusBadge status={event.status} size="sm" />
                  </Group>
                }
              >
                {event.note && <Text size="sm">{event.note}</Text>}
                <Text size="xs" c="dimmed">
                  {t('person.recordedAt', { date: formatDateTime(event.recordedAt) })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={opened}
        onClose={close}
        title={t('person.recordStatusTitle', { name: person.name })}
        fullScreen={phone}
      >
        <RecordStatusForm person={person} onDone={close} />
      </Modal>
    </Paper>
  );
}
