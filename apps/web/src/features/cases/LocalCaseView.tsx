import { type CaseStatus, caseTransitionRequestSchema, destinationCountryName } from '@desmigratif/contracts';
import { caseTransitionNeedsNote } from '@desmigratif/domain';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { formatDateTime } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { usePhone } from '../../lib/usePhone';
import { schemaErrors } from '../../lib/validation';
import { offlineDb, type LocalRow } from '../../offline/db';
import { offlineCaseSteps } from '../../offline/localCase';
import { addCaseNoteLocally, moveCaseLocally } from '../../offline/records';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { LocalRecordBadge } from '../sync/LocalRecordBadge';
import { CaseNoteForm } from './CaseNoteForm';

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
  const toRequest = (note: string) => ({ to, note: note.trim() || null, version: row.version });
  const form = useForm({
    initialValues: { note: '' },
    validate: (values) => ({
      ...schemaErrors(caseTransitionRequestSchema, toRequest(values.note)),
      // The server refuses closing or referring without a word; say so before it is queued.
      ...(caseTransitionNeedsNote(to) && !values.note.trim() ? { note: t('cases.transitionNoteHelp') } : {}),
    }),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await moveCaseLocally(offlineDb(), user.id, row, caseTransitionRequestSchema.parse(toRequest(values.note)));
    notifications.show({ color: 'yellow', message: t('offlineWork.caseStepSavedOffline') });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <Textarea
          label={t('cases.transitionNote')}
          description={t('cases.transitionNoteHelp')}
          required={caseTransitionNeedsNote(to)}
          autosize
          minRows={3}
          {...form.getInputProps('note')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('cases.confirm')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
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
