import type { RetentionRule } from '@desmigratif/contracts';
import { updateRetentionRuleSchema } from '@desmigratif/contracts';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatNumber } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { usePurgeImportRejects, useRetentionRules, useUpdateRetentionRule } from './api';

/** How long each kind of data is kept and why; the admin edits the rules and runs the purge. */
export function RetentionPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const admin = can(user.role, 'administerPrivacy') && user.scopeCode === '';
  const rules = useRetentionRules();
  const purge = usePurgeImportRejects();
  const runPurge = async () => {
    const result = await purge.mutateAsync();
    notifications.show({ color: 'green', message: t('privacy.retention.purged', { rows: formatNumber(result.rowsRemoved), jobs: formatNumber(result.jobs) }) });
  };

  return (
    <>
      <PageHeader
        title={t('privacy.retention.title')}
        description={t('privacy.retention.description')}
        actions={
          admin && (
            <Button variant="light" loading={purge.isPending} onClick={() => void runPurge().catch(() => undefined)} title={t('privacy.retention.purgeHelp')}>
              {t('privacy.retention.purge')}
            </Button>
          )
        }
      />
      {admin && (
        <AnchorLink to="/pelindungan-data/kebocoran" search={{}} size="sm" display="block" mb="md">
          {t('privacy.hub.breach')}
        </AnchorLink>
      )}
      {purge.isError && <ErrorAlert error={purge.error} />}
      {rules.isPending && <ListSkeleton />}
      {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data?.items.length === 0 && <Text c="dimmed">{t('privacy.retention.empty')}</Text>}
      {rules.data && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rules.data.items.map((rule) => (
            <RetentionRuleItem key={rule.recordType} rule={rule} editable={admin} />
          ))}
        </Stack>
      )}
    </>
  );
}

function RetentionRuleItem({ rule, editable }: { rule: RetentionRule; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {rule.label}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t('privacy.retention.months', { count: rule.keepMonths })}</Badge>
            <Badge color={rule.enforced ? 'green' : 'gray'} variant="outline">
              {rule.enforced ? t('privacy.retention.enforced') : t('privacy.retention.policy')}
            </Badge>
          </Group>
        </Group>
        {editing ? (
          <RetentionRuleForm rule={rule} onClose={() => setEditing(false)} />
        ) : (
          <>
            <Text size="sm">{rule.legalBasis}</Text>
            {editable && (
              <Button size="xs" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
                {t('privacy.retention.edit')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RetentionRuleForm({ rule, onClose }: { rule: RetentionRule; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRetentionRule();
  const form = useForm({
    initialValues: { keepMonths: rule.keepMonths as number | string, legalBasis: rule.legalBasis },
    validate: (values) => schemaErrors(updateRetentionRuleSchema, { keepMonths: Number(values.keepMonths), legalBasis: values.legalBasis, version: rule.version }),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await update.mutateAsync({ recordType: rule.recordType, keepMonths: Number(values.keepMonths), legalBasis: values.legalBasis, version: rule.version });
    notifications.show({ color: 'green', message: t('privacy.retention.saved') });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <NumberInput label={t('privacy.retention.keepMonths')} min={1} max={1200} allowDecimal={false} required maw={200} {...form.getInputProps('keepMonths')} />
        <Textarea label={t('privacy.retention.legalBasis')} autosize minRows={2} required {...form.getInputProps('legalBasis')} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('privacy.retention.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('privacy.retention.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
