import { type CaseStatus, destinationCountryName } from '@desmigratif/contracts';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { formatDateTime } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { offlineDb, type LocalRow } from '../../offline/db';
import { offlineCaseSteps } from '../../offline/localCase';
import { addCaseNoteLocally, moveCaseLocally } from '../../offline/records';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { LocalRecordBadge } from '../sync/LocalRecordBadge';
import { CaseNoteForm } from './CaseNoteForm';
import { CaseTransitionForm } from './CaseTransitionForm';

/**
 * A case's page without signal, from the phone's copy (pulled, or opened here): what happened,
 * its status, and the status steps the officer's role may take, kept in the outbox until sync.
 */
export function LocalCaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = usePhone();
  const [moving, setMoving] = useState<CaseStatus | null>(null);
  // undefined while the phone is read, null when it does not have this case.
  const found = useLiveQuery(async () => {
    const db = offlineDb();
    const row = await db.migration_cases.get(caseId);
    if (!row || row.deleted_at) return null;
    const [migrant, reporter, waiting] = await Promise.all([
      db.people.get(String(row.migrant_person_id)),
      row.reporter_person_id ? db.people.get(String(row.reporter_person_id)) : undefined,
      db.outbox.where('recordId').equals(caseId).filter((entry) => entry.userId === user.id && entry.status === 'waiting').count(),
    ]);
    return { row, migrantName: String(migrant?.name ?? ''), reporterName: String(reporter?.name ?? row.reporter_name ?? ''), waiting: waiting > 0 };
  }, [caseId, user.id]);

  if (found === undefined) return null;
  if (found === null) {
    return (
      <>
        <PageHeader title={t('cases.title')} />
        <Alert color="gray" p="xs">{t('offlineWork.caseNotOnPhone')}</Alert>
      </>
    );
  }
  const { row } = found;
  const status = row.status as CaseStatus;
  const steps = can(user.role, 'writeMigration') ? offlineCaseSteps(row, user.role, found.waiting) : [];
  return (
    <>
      <ButtonLink variant="subtle" size="compact-sm" mb="xs" leftSection={<IconArrowLeft size={14} />} to="/kasus" search={{}}>
        {t('cases.backToList')}
      </ButtonLink>
      <PageHeader
        title={`${found.migrantName} · ${t(`cases.caseType.${String(row.case_type)}` as 'cases.caseType.lainnya')}`}
        actions={<LocalRecordBadge table="migration_cases" id={caseId} />}
      />
      <Stack gap="md" data-testid="local-case-view">
        <Alert color="gray" p="xs">{t('offlineWork.caseOffline')}</Alert>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light" data-testid="local-case-status">{t(`cases.status.${status}`)}</Badge>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{String(row.description ?? '')}</Text>
            {row.incident_country ? <Text size="sm" c="dimmed">{destinationCountryName(String(row.incident_country))}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('cases.reportedBy', { name: found.reporterName })}
              {row.reporter_phone ? ` · ${String(row.reporter_phone)}` : ''}
            </Text>
            {row.created_at ? <Text size="xs" c="dimmed">{t('cases.openedAt', { date: formatDateTime(String(row.created_at)) })}</Text> : null}
            {steps.length > 0 && (
              <Group gap="xs" mt="xs">
                {steps.map((to) => (
                  <Button key={to} size="sm" variant={to === 'selesai' ? 'filled' : 'light'} onClick={() => setMoving(to)}>
                    {t('cases.moveTo', { status: t(`cases.status.${to}`) })}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
        </Paper>
        {can(user.role, 'writeMigration') && status !== 'selesai' && <LocalNoteForm row={row} />}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={moving ? t('cases.moveTo', { status: t(`cases.status.${moving}`) }) : ''}
        fullScreen={phone}
      >
        {moving && <LocalTransitionForm row={row} to={moving} onDone={() => setMoving(null)} />}
      </Modal>
    </>
  );
}

function LocalTransitionForm({ row, to, onDone }: { row: LocalRow; to: CaseStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <CaseTransitionForm
      to={to}
      version={String(row.version)}
      save={(request) => moveCaseLocally(offlineDb(), user.id, row, request)}
      savedMessage={t('offlineWork.caseStepSavedOffline')}
      savedColor="yellow"
      checkNote
      onDone={onDone}
    />
  );
}

/** A note on the case without signal: kept in the outbox, it joins the case's timeline at sync. */
function LocalNoteForm({ row }: { row: LocalRow }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <CaseNoteForm
      save={(note) => addCaseNoteLocally(offlineDb(), user.id, row, note)}
      savedMessage={t('offlineWork.caseNoteSavedOffline')}
      savedColor="yellow"
    />
  );
}
