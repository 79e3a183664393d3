import { agencyLicenceStatusLabels, destinationCountryName, placementSchemeLabels, sectorLabels, visaTypeLabels } from '@desmigratif/contracts';
import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconEdit } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { formatDate, formatRupiah } from '../../lib/format';
import { offlineDb } from '../../offline/db';
import { badgeFor } from '../../offline/outbox';
import { useSyncState } from '../../offline/sync';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { InfoField } from '../people/InfoField';
import { RecordBadge } from '../sync/RecordBadge';
import { usePlan } from './api';
import { DocumentChecklist } from './DocumentChecklist';
import { LettersCard } from './LettersCard';
import { PlanBadges } from './PlanBadges';
import { PlanEditForm } from './PlanEditForm';
import { useLocalPlan } from './useLocalPlan';

/** The badge of the officer's changes on this phone to the plan or its documents, until the server accepts them. */
function LocalPlanBadge({ planId }: { planId: string }) {
  const user = useCurrentUser();
  const entries = useLiveQuery(
    () =>
      offlineDb()
        .outbox.where('[userId+seq]')
        .between([user.id, 0], [user.id, Infinity])
        .filter((entry) => entry.recordId === planId || (entry.table === 'migration_documents' && entry.args.planId === planId))
        .toArray(),
    [planId, user.id],
  );
  const status = badgeFor(entries ?? []);
  if (!status || status === 'sent') return null;
  return <RecordBadge status={status} reason={entries?.find((entry) => entry.status === status)?.reason} />;
}

/** One migration plan: readiness in plain words, red flags explained, the document checklist, edits and letters. */
export function PlanPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { planId } = useParams({ from: '/app/rencana-migrasi/$planId' });
  const plan = usePlan(planId);
  const [editing, setEditing] = useState(false);
  const canWrite = can(user.role, 'writeMigration');
  // Without signal the page is the phone's copy, computed here, so changes made offline show at once.
  const offline = !useSyncState().online;
  const local = useLocalPlan(planId, offline);

  if (offline && local === null && !plan.data) return <Alert color="gray">{t('offlineWork.planNotOnPhone')}</Alert>;
  if (offline && local === undefined && !plan.data) return <PageSkeleton />;
  if (!offline && plan.isPending) return <PageSkeleton />;
  if (!offline && plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = (offline ? local : undefined) ?? plan.data;
  if (!data) return <PageSkeleton />;
  const fromPhone = offline && Boolean(local);
  const { readiness, redFlags } = data;
  const yesNo = (value: boolean | null | undefined) => (value === true ? t('plans.form.yes') : value === false ? t('plans.form.no') : '—');

  return (
    <>
      <ButtonLink
        variant="subtle"
        size="compact-sm"
        mb="xs"
        leftSection={<IconArrowLeft size={14} />}
        to="/rencana-migrasi/desa/$villageCode"
        params={{ villageCode: data.villageCode }}
        search={{}}
      >
        {t('plans.backToList')}
      </ButtonLink>
      <PageHeader
        title={data.personName}
        actions={<LocalPlanBadge planId={data.id} />}
        description={
          <AnchorLink to="/penduduk/$personId" params={{ personId: data.personId }} size="sm">
            {t('plans.openPerson')}
          </AnchorLink>
        }
      />
      <Stack gap="md">
        {fromPhone && (
          <Alert color="gray" p="xs" data-testid="local-plan-view">
            <Stack gap={4}>
              <Text size="sm">{t('offlineWork.planOffline')}</Text>
              {data.agencyName && <Text size="sm">{t('offlineWork.licenceUnknown')}</Text>}
            </Stack>
          </Alert>
        )}
        <PlanBadges
          ready={readiness.ready}
          missingCount={readiness.missing.length}
          blockerCount={readiness.blockers.length}
          redFlagCount={redFlags.length}
          highRedFlagCount={redFlags.filter((f) => f.severity === 'tinggi').length}
        />
        <Alert
          color={readiness.ready ? 'green' : readiness.blockers.length ? 'red' : 'orange'}
          icon={readiness.ready ? <IconCircleCheck size={20} /> : <IconAlertTriangle size={20} />}
          title={readiness.ready ? t('plans.readiness.ready') : t('plans.readiness.notReady')}
        >
          <Stack gap={4}>
            {readiness.blockers.map((b) => (
              <Text key={b.code} size="sm" fw={600}>
                {b.message}
              </Text>
            ))}
            {readiness.missing.length > 0 && (
              <>
                <Text size="sm">{t('plans.readiness.missing')}</Text>
                <List size="sm" spacing={2}>
                  {readiness.missing.map((m) => (
                    <List.Item key={m.kind}>{m.message}</List.Item>
                  ))}
                </List>
              </>
            )}
            {readiness.warnings.map((w) => (
              <Text key={w.code} size="sm" c="dimmed">
                {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
        {redFlags.length > 0 && (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} style={{ borderColor: 'var(--mantine-color-red-5)' }}>
            <Stack gap="sm">
              <Title order={3} size="h4" c="red.8">
                {t('plans.redFlags.title', { count: redFlags.length })}
              </Title>
              {redFlags.map((flag) => (
                <Stack key={flag.code} gap={2}>
                  <Group gap="xs">
                    <Badge color={flag.severity === 'tinggi' ? 'red' : 'yellow'}>{t(`plans.redFlags.severity.${flag.severity}`)}</Badge>
                    <Text fw={600} size="sm">
                      {flag.title}
                    </Text>
                  </Group>
                  <Text size="sm">{flag.explanation}</Text>
                </Stack>
              ))}
            </Stack>
          </Paper>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DocumentChecklist plan={data} canWrite={canWrite} offline={offline} />
          <Stack gap="md">
            <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
              {editing ? (
                <Stack gap="md">
                  <Title order={3} size="h4">
                    {t('plans.editTitle')}
                  </Title>
                  <PlanEditForm plan={data} onClose={() => setEditing(false)} />
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Title order={3} size="h4">
                      {t('plans.detailTitle')}
                    </Title>
                    {canWrite && (
                      <Button size="compact-sm" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>
                        {t('plans.edit')}
                      </Button>
                    )}
                  </Group>
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                    <InfoField label={t('plans.form.status')}>{t(`plans.status.${data.status}`)}</InfoField>
                    <InfoField label={t('plans.form.destination')}>{destinationCountryName(data.destinationCountry)}</InfoField>
                    <InfoField label={t('plans.form.occupation')}>{data.occupation}</InfoField>
                    <InfoField label={t('plans.form.sector')}>{sectorLabels[data.sector]}</InfoField>
                    <InfoField label={t('plans.form.scheme')}>{placementSchemeLabels[data.scheme]}</InfoField>
                    <InfoField label={t('plans.form.agencyName')}>{data.agencyName ? (fromPhone ? data.agencyName : `${data.agencyName} (${agencyLicenceStatusLabels[data.agencyLicence]})`) : '—'}</InfoField>
                    <InfoField label={t('plans.form.jobOrderReference')}>{data.jobOrderReference ?? '—'}</InfoField>
                    <InfoField label={t('plans.form.visaType')}>{data.visaType ? visaTypeLabels[data.visaType] : '—'}</InfoField>
                    <InfoField label={t('plans.form.expectedDepartureDate')}>{data.expectedDepartureDate ? formatDate(data.expectedDepartureDate) : '—'}</InfoField>
                    <InfoField label={t('plans.form.feesAskedRupiah')}>{data.feesAskedRupiah === null || data.feesAskedRupiah === undefined ? '—' : formatRupiah(data.feesAskedRupiah)}</InfoField>
                    <InfoField label={t('plans.form.shelterBeforeDocuments')}>{yesNo(data.shelterBeforeDocuments)}</InfoField>
                    <InfoField label={t('plans.form.contractReadable')}>{yesNo(data.contractReadable)}</InfoField>
                  </SimpleGrid>
                </Stack>
              )}
            </Paper>
            {offline ? (
              <Alert color="gray" p="xs">{t('offlineWork.lettersNeedSignal')}</Alert>
            ) : (
              <LettersCard plan={data} canIssue={can(user.role, 'issueLetters')} />
            )}
          </Stack>
        </SimpleGrid>
      </Stack>
    </>
  );
}
