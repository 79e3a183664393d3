import type { PersonDetail, Placement } from '@desmigratif/contracts';
import { Button, Divider, Group, Modal, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlaneArrival, IconPlaneDeparture } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePhone } from '../../lib/usePhone';
import { usePersonPlacements } from './api';
import { DepartureForm } from './DepartureForm';
import { PlacementSummary } from './PlacementSummary';
import { ReturnForm } from './ReturnForm';

/** The person page's "Penempatan / kepulangan" card: stays abroad newest first, and the next step to record. */
export function PlacementCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = usePhone();
  const placements = usePersonPlacements(person.id);
  const [departing, departure] = useDisclosure(false);
  const [returning, setReturning] = useState<Placement | null>(null);
  const canWrite = can(user.role, 'writeMigration');
  const items = placements.data?.items ?? [];
  const abroad = items.find((p) => p.return === null);

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('placements.cardTitle')}
          </Title>
          {canWrite && placements.data && (
            abroad ? (
              <Button size="xs" variant="light" leftSection={<IconPlaneArrival size={14} />} onClick={() => setReturning(abroad)}>
                {t('placements.recordReturn')}
              </Button>
            ) : (
              <Button size="xs" variant="light" leftSection={<IconPlaneDeparture size={14} />} onClick={departure.open}>
                {t('placements.recordDeparture')}
              </Button>
            )
          )}
        </Group>
        {placements.isPending && <Skeleton height={48} radius="md" />}
        {placements.isError && <ErrorAlert error={placements.error} onRetry={() => void placements.refetch()} />}
        {placements.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('placements.empty')}
          </Text>
        )}
        {items.map((placement, index) => (
          <Fragment key={placement.id}>
            {index > 0 && <Divider />}
            <PlacementSummary placement={placement} />
          </Fragment>
        ))}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={departing}
        onClose={departure.close}
        title={t('placements.departureTitle', { name: person.name })}
        fullScreen={phone}
        size="lg"
      >
        <DepartureForm person={person} onDone={departure.close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={returning !== null}
        onClose={() => setReturning(null)}
        title={t('placements.returnTitle', { name: person.name })}
        fullScreen={phone}
        size="lg"
      >
        {returning && <ReturnForm placement={returning} onDone={() => setReturning(null)} />}
      </Modal>
    </Paper>
  );
}
