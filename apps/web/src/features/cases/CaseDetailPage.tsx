import type { CaseDetail, CaseStatus } from '@desmigratif/contracts';
import { destinationCountryName } from '@desmigratif/contracts';
import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { useSyncState } from '../../offline/sync';
import { useAddCaseNote, useCase, useMoveCase } from './api';
import { CaseBadges } from './CaseBadges';
import { CaseNoteForm } from './CaseNoteForm';
import { CaseTransitionForm } from './CaseTransitionForm';
import { LocalCaseView } from './LocalCaseView';

/** One case: what happened, its deadline, the steps the user may take, notes, and every step so far. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/kasus/$caseId' });
  const detail = useCase(caseId);
  const [moving, setMoving] = useState<CaseStatus | null>(null);
  const phone = usePhone();
  // Without signal the case comes from the phone, where status steps wait in the outbox.
  const offline = !useSyncState().online;

  if (offline) return <LocalCaseView caseId={caseId} />;
  if (detail.isPending) return <PageSkeleton />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t('cases.title')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const item = detail.data;
  return (
    <>
      <ButtonLink variant="subtle" size="compact-sm" mb="xs" leftSection={<IconArrowLeft size={14} />} to="/kasus" search={{}}>
        {t('cases.backToList')}
      </ButtonLink>
      <PageHeader
        title={`${item.migrantName} · ${t(`cases.caseType.${item.caseType}`)}`}
        description={t('cases.village', { name: item.villageName })}
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <CaseBadges item={item} />
            {item.overdue && item.dueAt && (
              <Text size="sm" c="red">
                {t('cases.dueAt', { date: formatDateTime(item.dueAt) })}
              </Text>
            )}
            <Text style={{ whiteSpace: 'pre-wrap' }}>{item.description}</Text>
            <Text size="sm" c="dimmed">
              <AnchorLink to="/penduduk/$personId" params={{ personId: item.migrantPersonId }}>
                {item.migrantName}
              </AnchorLink>
              {item.incidentCountry && ` · ${destinationCountryName(item.incidentCountry)}`}
            </Text>
            <Text size="sm" c="dimmed">
              {t('cases.reportedBy', { name: item.reporterName })}
              {item.reporterRelation && ` (${t(`cases.relation.${item.reporterRelation}`)})`}
              {item.reporterPhone && ` · ${item.reporterPhone}`}
            </Text>
            <Text size="xs" c="dimmed">
              {t('cases.openedAt', { date: formatDateTime(item.openedAt) })}
              {item.closedAt && ` · ${t('cases.closedAt', { date: formatDateTime(item.closedAt) })}`}
            </Text>
            {item.allowedTransitions.length > 0 && (
              <Group gap="xs" mt="xs">
                {item.allowedTransitions.map((to) => (
                  <Button key={to} size="sm" variant={to === 'selesai' ? 'filled' : 'light'} onClick={() => setMoving(to)}>
                    {t('cases.moveTo', { status: t(`cases.status.${to}`) })}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
        </Paper>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CaseTimeline item={item} />
          {item.canAddNote && <NoteForm item={item} />}
        </SimpleGrid>
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={moving ? t('cases.moveTo', { status: t(`cases.status.${moving}`) }) : ''}
        fullScreen={phone}
      >
        {moving && <TransitionForm item={item} to={moving} onDone={() => setMoving(null)} />}
      </Modal>
    </>
  );
}

function CaseTimeline({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('cases.timeline')}
        </Title>
        <Timeline active={item.timeline.length - 1} bulletSize={14} lineWidth={2} aria-label={t('cases.timeline')}>
          {item.timeline.map((event) => (
            <Timeline.Item
              key={event.id}
              title={
                <Text size="sm" fw={600}>
                  {event.kind === 'status' && event.fromStatus && event.toStatus
                    ? t('cases.event.status', { from: t(`cases.status.${event.fromStatus}`), to: t(`cases.status.${event.toStatus}`) })
                    : t(`cases.event.${event.kind}`)}
                </Text>
              }
            >
              {event.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)}
                {event.actorName && ` · ${event.actorName}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

function TransitionForm({ item, to, onDone }: { item: CaseDetail; to: CaseStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useMoveCase(item.id);
  return (
    <CaseTransitionForm
      to={to}
      version={item.version}
      save={(request) => move.mutateAsync(request)}
      savedMessage={t('cases.moved')}
      savedColor="green"
      checkNote={false}
      onDone={onDone}
    />
  );
}

function NoteForm({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const add = useAddCaseNote(item.id);
  return <CaseNoteForm save={(note) => add.mutateAsync(note)} savedMessage={t('cases.noteSaved')} savedColor="green" />;
}
