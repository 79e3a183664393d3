import {
  type ChecklistItem,
  type DocumentKind,
  documentStatuses,
  type MigrationPlanDetail,
  putMigrationDocumentRequestSchema,
} from '@desmigratif/contracts';
import { Anchor, Badge, Button, Card, FileButton, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCamera, IconCheck, IconEdit, IconFile } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { formatDate } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { putDocumentLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { scanUrl, usePutDocument, useUploadScan } from './api';

const statusColors = { belum: 'gray', diproses: 'blue', lengkap: 'green', tidak_berlaku: 'red' } as const;
const maxScanBytes = 5 * 1024 * 1024;

type DocumentValues = { status: string; number: string; issuedOn: string; expiresOn: string; issuingOffice: string };

function toRequest(values: DocumentValues) {
  return {
    status: values.status,
    number: blankToNull(values.number),
    issuedOn: blankToNull(values.issuedOn),
    expiresOn: blankToNull(values.expiresOn),
    issuingOffice: blankToNull(values.issuingOffice),
  };
}

function DocumentForm({ plan, kind, onClose }: { plan: MigrationPlanDetail; kind: DocumentKind; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const put = usePutDocument(plan.id);
  const recorded = plan.documents.find((d) => d.kind === kind);
  const form = useForm<DocumentValues>({
    initialValues: {
      status: recorded?.status ?? 'belum',
      number: recorded?.number ?? '',
      issuedOn: recorded?.issuedOn ?? '',
      expiresOn: recorded?.expiresOn ?? '',
      issuingOffice: recorded?.issuingOffice ?? '',
    },
    validate: (values) => schemaErrors(putMigrationDocumentRequestSchema, toRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const body = putMigrationDocumentRequestSchema.parse(toRequest(values));
    const saved = await saveOnlineOrLocally(
      () => put.mutateAsync({ kind, body }),
      () => putDocumentLocally(offlineDb(), user.id, plan, kind, body),
    );
    notifications.show(saved ? { color: 'green', message: t('plans.documents.saved') } : { color: 'yellow', message: t('offlineWork.documentSavedOffline') });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="xs">
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label={t('plans.documents.status')}
            required
            data={documentStatuses.map((s) => ({ value: s, label: t(`plans.documentStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <TextInput label={t('plans.documents.number')} {...form.getInputProps('number')} />
          <TextInput type="date" label={t('plans.documents.issuedOn')} {...form.getInputProps('issuedOn')} />
          <TextInput type="date" label={t('plans.documents.expiresOn')} {...form.getInputProps('expiresOn')} />
          <TextInput label={t('plans.documents.issuingOffice')} {...form.getInputProps('issuingOffice')} />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="sm" loading={form.submitting}>
            {t('actions.save')}
          </Button>
          <Button variant="default" size="sm" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A photo from the phone's camera (or a PDF) of one document, beside the row's other actions; replacing keeps the old one in the audit log.
 * Scans are not kept on the phone: without signal only the row's other actions show.
 */
function ScanControl({ plan, kind, canWrite, offline, children }: { plan: MigrationPlanDetail; kind: DocumentKind; canWrite: boolean; offline: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const upload = useUploadScan(plan.id);
  const [tooLarge, setTooLarge] = useState(false);
  const scan = plan.scans.find((s) => s.kind === kind);
  const send = (file: File | null) => {
    if (!file) return;
    setTooLarge(file.size > maxScanBytes);
    if (file.size > maxScanBytes) return;
    upload.mutate({ kind, file }, { onSuccess: () => notifications.show({ color: 'green', message: t('plans.documents.scanSaved') }) });
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {children}
        {scan && !offline && (
          <Anchor href={scanUrl(plan.id, kind)} target="_blank" rel="noopener" size="sm">
            <Group gap={4}>
              <IconFile size={14} aria-hidden="true" />
              {t('plans.documents.viewScan', { date: formatDate(scan.uploadedAt) })}
            </Group>
          </Anchor>
        )}
        {canWrite && !offline && (
          <FileButton onChange={send} accept="image/*,application/pdf" inputProps={{ capture: 'environment' }}>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" leftSection={<IconCamera size={14} />} loading={upload.isPending}>
                {scan ? t('plans.documents.replaceScan') : t('plans.documents.addScan')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {tooLarge && (
        <Text size="xs" c="red">
          {t('plans.documents.scanTooLarge')}
        </Text>
      )}
      {upload.isError && <ErrorAlert error={upload.error} />}
    </Stack>
  );
}

function ChecklistRow({ plan, item, canWrite, offline }: { plan: MigrationPlanDetail; item: ChecklistItem; canWrite: boolean; offline: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const recorded = plan.documents.find((d) => d.kind === item.kind);
  const notApplicable = item.requirement === 'not_applicable';
  return (
    <Card withBorder padding="sm" style={notApplicable ? { opacity: 0.7 } : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {item.complete && <IconCheck size={18} color="var(--mantine-color-green-7)" aria-hidden="true" />}
            <Text fw={600} size="sm">
              {item.label}
            </Text>
          </Group>
          <Badge color={statusColors[item.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`plans.documentStatus.${item.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`plans.requirement.${item.requirement}`)} · {item.legalBasis}
        </Text>
        {item.missing && (
          <Text size="sm" c="orange.8">
            {item.missing}
          </Text>
        )}
        {recorded && (recorded.number || recorded.issuedOn || recorded.expiresOn || recorded.issuingOffice) && (
          <Text size="xs">
            {[
              recorded.number && t('plans.documents.numberShort', { number: recorded.number }),
              recorded.issuedOn && t('plans.documents.issuedShort', { date: formatDate(recorded.issuedOn) }),
              recorded.expiresOn && t('plans.documents.expiresShort', { date: formatDate(recorded.expiresOn) }),
              recorded.issuingOffice,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {!notApplicable && (
          <ScanControl plan={plan} kind={item.kind} canWrite={canWrite} offline={offline}>
            {canWrite && !editing && (
              <Button size="compact-sm" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>
                {t('plans.documents.edit')}
              </Button>
            )}
          </ScanControl>
        )}
        {editing && <DocumentForm plan={plan} kind={item.kind} onClose={() => setEditing(false)} />}
      </Stack>
    </Card>
  );
}

/** The legal document checklist computed from the plan; each paper with its status, details and scan. */
export function DocumentChecklist({ plan, canWrite, offline = false }: { plan: MigrationPlanDetail; canWrite: boolean; offline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('plans.documents.title')}
        </Title>
        {plan.checklist.map((item) => (
          <ChecklistRow key={item.kind} plan={plan} item={item} canWrite={canWrite} offline={offline} />
        ))}
      </Stack>
    </Paper>
  );
}
