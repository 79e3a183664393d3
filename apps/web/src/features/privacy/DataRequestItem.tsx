import type { DataSubjectRequest, DataSubjectRequestStatus } from '@desmigratif/contracts';
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { AnchorLink } from '../../components/RouterLinks';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { personDataUrl, useMoveDataRequest } from './api';
import { ErasureDialog } from './ErasureDialog';

/** One request: who, what, the deadline, and the next steps of its workflow. */
export function DataRequestItem({ request }: { request: DataSubjectRequest }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<DataSubjectRequestStatus | null>(null);
  const [reason, setReason] = useState('');
  const [erasing, setErasing] = useState(false);
  // An erasure request is closed through the erasure step, which records what was erased and what was kept.
  const canErase = request.kind === 'penghapusan' && request.status === 'diproses';
  const move = useMoveDataRequest(request.villageCode);
  const close = () => {
    setMoving(null);
    move.reset();
  };
  const confirm = async () => {
    if (!moving) return;
    await move.mutateAsync({ id: request.id, to: moving, reason: reason.trim() || null, version: request.version });
    notifications.show({ color: 'green', message: t('privacy.requests.moved') });
    setReason('');
    close();
  };
  const reasonError = move.error instanceof ApiError ? move.error.fieldErrors.reason : undefined;

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge variant="light">{t(`privacy.requests.kindLabel.${request.kind}`)}</Badge>
            <AnchorLink to="/penduduk/$personId" params={{ personId: request.personId }} fw={600} size="sm">
              {request.personName}
            </AnchorLink>
          </Group>
          <Group gap="xs">
            <Badge color={request.status === 'ditolak' ? 'red' : request.status === 'selesai' ? 'green' : 'blue'}>{t(`privacy.requests.status.${request.status}`)}</Badge>
            {request.overdue && <Badge color="red" variant="outline">{t('privacy.requests.overdue')}</Badge>}
          </Group>
        </Group>
        <Text size="sm">
          {request.requesterName} · {t('privacy.requests.received', { date: formatDateTime(request.receivedAt) })}
        </Text>
        <Text size="sm" fw={request.closedAt ? undefined : 600} c={request.overdue ? 'red' : undefined}>
          {request.closedAt ? t('privacy.requests.closed', { date: formatDateTime(request.closedAt) }) : t('privacy.requests.due', { date: formatDateTime(request.dueAt) })}
        </Text>
        {request.notes && <Text size="sm" c="dimmed">{request.notes}</Text>}
        {request.statusReason && <Text size="sm">{request.statusReason}</Text>}
        {request.handledByName && <Text size="xs" c="dimmed">{t('privacy.requests.handledBy', { name: request.handledByName })}</Text>}
        {request.kind === 'akses' && !request.closedAt && (
          <Anchor href={personDataUrl(request.personId, 'xlsx')} download size="sm">
            {t('privacy.requests.exportFor')}
          </Anchor>
        )}
        {request.erasure && (
          <Badge color="green" variant="outline" style={{ alignSelf: 'flex-start' }}>
            {t('privacy.erasure.erasedBadge', { count: request.erasure.items.reduce((n, item) => n + item.count, 0) })}
          </Badge>
        )}
        {(request.allowedTransitions.length > 0 || canErase) && (
          <Group gap="xs" mt={4}>
            {canErase && (
              <Button size="xs" color="red" variant="light" onClick={() => setErasing(true)}>
                {t('privacy.erasure.open')}
              </Button>
            )}
            {request.allowedTransitions.map((to) => (
              <Button key={to} size="xs" variant={to === 'ditolak' ? 'outline' : 'light'} color={to === 'ditolak' ? 'red' : undefined} onClick={() => setMoving(to)}>
                {t('privacy.requests.move', { status: t(`privacy.requests.status.${to}`) })}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <Modal opened={moving !== null} onClose={close} title={moving && t('privacy.requests.move', { status: t(`privacy.requests.status.${moving}`) })}>
        <Stack gap="sm">
          <FormFailure failure={reasonError ? null : move.error} />
          <Textarea
            label={t('privacy.requests.reason')}
            description={moving === 'ditolak' ? t('privacy.requests.reasonRequired') : undefined}
            required={moving === 'ditolak'}
            autosize
            minRows={2}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('privacy.requests.cancel')}
            </Button>
            <Button loading={move.isPending} onClick={() => void confirm().catch(() => undefined)}>
              {t('privacy.requests.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {canErase && <ErasureDialog request={request} opened={erasing} onClose={() => setErasing(false)} />}
    </Paper>
  );
}
