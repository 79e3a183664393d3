import type { SyncConflict } from '@desmigratif/contracts';
import { Alert, Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { useSyncState } from '../../offline/sync';
import { useConflicts, useResolveConflict } from './api';
import { defaultChoices, displayValue, type Choice } from './conflictChoices';

/** Conflicts left by offline edits: per field what it was, what someone else saved, what this edit saved. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const { online } = useSyncState();
  const conflicts = useConflicts();
  return (
    <>
      <PageHeader title={t('sync.conflicts.title')} description={t('sync.conflicts.description')} />
      {!online && <Alert color="gray" mb="md">{t('sync.conflicts.offline')}</Alert>}
      {conflicts.isPending && online && <ListSkeleton />}
      {conflicts.isError && <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />}
      {conflicts.data?.length === 0 && <Text c="dimmed">{t('sync.conflicts.empty')}</Text>}
      <Stack gap="md">
        {conflicts.data?.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} />)}
      </Stack>
    </>
  );
}

/** Where the screens already name a table's fields; other fields show their own name. */
const fieldLabelPrefix: Partial<Record<SyncConflict['table'], string>> = { people: 'person', migration_plans: 'plans.form' };

function ConflictCard({ conflict }: { conflict: SyncConflict }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = (field: string) => {
    const prefix = fieldLabelPrefix[conflict.table];
    const key = `${prefix}.${field}`;
    return prefix && i18n.exists(key) ? String(t(key as never)) : field;
  };
  const resolve = useResolveConflict();
  const [choices, setChoices] = useState<Record<string, Choice>>(() => defaultChoices(conflict));
  const show = (value: unknown) => displayValue(value) ?? t('sync.conflicts.empty_value');

  return (
    <Card withBorder padding="sm" data-testid="conflict">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{conflict.recordLabel}</Text>
          <Text size="sm" c="dimmed">
            {t(`sync.conflicts.table.${conflict.table}`)} · {formatDateTime(conflict.createdAt)}
          </Text>
        </div>
        {conflict.fields.map((field) => (
          <Radio.Group
            key={field.field}
            label={fieldLabel(field.field)}
            description={`${t('sync.conflicts.base')}: ${show(field.base)}`}
            value={choices[field.field]}
            onChange={(value) => setChoices((current) => ({ ...current, [field.field]: value as Choice }))}
          >
            <Stack gap={6} mt={6}>
              <Radio value="mine" label={`${t('sync.conflicts.mine', { name: conflict.createdBy })}: ${show(field.mine)}`} />
              <Radio value="theirs" label={`${t('sync.conflicts.theirs')}: ${show(field.theirs)}`} />
            </Stack>
          </Radio.Group>
        ))}
        <FormFailure failure={resolve.error} />
        <Group>
          <Button
            loading={resolve.isPending}
            onClick={() =>
              resolve.mutate(
                { id: conflict.id, request: { choices } },
                { onSuccess: () => notifications.show({ color: 'green', message: t('sync.conflicts.resolved') }) },
              )
            }
          >
            {t('sync.conflicts.resolve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
