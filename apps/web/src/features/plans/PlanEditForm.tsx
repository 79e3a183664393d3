import { type MigrationPlanDetail, planStatuses, updateMigrationPlanRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Select, Stack } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { RevealOnChange } from '../../components/RevealOnChange';
import { ApiError } from '../../lib/api';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { editLocally } from '../../offline/edits';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { ConflictNotice } from '../people/ConflictNotice';
import { planQuery, useUpdatePlan } from './api';
import { changedPlanFields, type PlanFormValues, planToForm, toPlanInput } from './planForm';
import { PlanFormFields } from './PlanFormFields';
import { toOfflinePlanEdit } from './planOfflineEdit';

type EditValues = PlanFormValues & { status: MigrationPlanDetail['status'] };

const toEdit = (plan: MigrationPlanDetail): EditValues => ({ ...planToForm(plan), status: plan.status });

/** Only the fields the officer changed are sent, with the version they were read at. */
function toRequest(values: EditValues, baseline: EditValues, version: string) {
  const input = toPlanInput(values) as Record<string, unknown>;
  const body: Record<string, unknown> = { version };
  for (const field of changedPlanFields(baseline, values)) body[field] = input[field];
  if (values.status !== baseline.status) body.status = values.status;
  return body;
}

/** Edits a plan; when someone else saved first, shows what they saved and keeps what was typed. */
export function PlanEditForm({ plan, onClose }: { plan: MigrationPlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const update = useUpdatePlan(plan.id);
  const [baseline, setBaseline] = useState(() => toEdit(plan));
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [conflict, setConflict] = useState<{ message: string; latest: MigrationPlanDetail } | null>(null);
  const form = useForm<EditValues>({
    initialValues: baseline,
    validate: (values) => schemaErrors(updateMigrationPlanRequestSchema, toRequest(values, baseline, baseVersion)),
  });
  const { submit, failure, setFailure } = useFormSubmit(
    form,
    async (values) => {
      const request = updateMigrationPlanRequestSchema.parse(toRequest(values, baseline, baseVersion));
      const saved = await saveOnlineOrLocally(
        () => update.mutateAsync(request),
        () =>
          editLocally(offlineDb(), {
            userId: user.id,
            villageCode: plan.villageCode,
            name: 'plan.update',
            table: 'migration_plans',
            id: plan.id,
            ...toOfflinePlanEdit(request, { ...toPlanInput(baseline), status: baseline.status }),
          }),
      );
      notifications.show(saved ? { color: 'green', message: t('plans.saved') } : { color: 'yellow', message: t('offlineWork.planSavedOffline') });
      onClose();
    },
    async (error) => {
      if (!(error instanceof ApiError && error.code === 'VERSION_CONFLICT')) return;
      const latest = await queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 }).catch((e: unknown) => {
        setFailure(e);
        return null;
      });
      if (!latest) return;
      setBaseVersion(latest.version);
      setConflict({ message: error.message, latest });
      setFailure(null);
    },
  );

  const useLatest = (latest: MigrationPlanDetail) => {
    const values = toEdit(latest);
    form.setValues(values);
    form.clearErrors();
    setBaseline(values);
    setConflict(null);
  };

  const theirChanges = (latest: MigrationPlanDetail) => {
    const saved = toEdit(latest);
    return (Object.keys(saved) as (keyof EditValues)[])
      .filter((field) => saved[field] !== form.values[field])
      .map((field) => ({ label: t(`plans.form.${field}`), value: String(saved[field] ?? '') }));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <RevealOnChange trigger={conflict}>
            <ConflictNotice message={conflict.message} changes={theirChanges(conflict.latest)} onUseLatest={() => useLatest(conflict.latest)} />
          </RevealOnChange>
        )}
        <FormFailure failure={failure} />
        <Select
          label={t('plans.form.status')}
          data={planStatuses.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
          {...form.getInputProps('status')}
        />
        {/* The plan fields read and write only their own keys of this form; status is its one addition. */}
        <PlanFormFields form={form as unknown as UseFormReturnType<PlanFormValues>} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {conflict ? t('village.saveMine') : t('actions.save')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
