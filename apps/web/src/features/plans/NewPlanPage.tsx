import { createMigrationPlanRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { createPlanLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { useSyncState } from '../../offline/sync';
import { useLocalRecord } from '../../offline/useLocalRecord';
import { usePerson } from '../people/api';
import { useNewId } from '../people/useNewId';
import { useCreatePlan } from './api';
import { emptyPlanForm, type PlanFormValues, toPlanInput } from './planForm';
import { PlanFormFields } from './PlanFormFields';

/** "Buat rencana migrasi" for one resident, opened from their page; the person becomes calon PMI. */
export function NewPlanPage() {
  const { t } = useTranslation();
  const { personId } = useParams({ from: '/app/rencana-migrasi/baru/$personId' });
  const person = usePerson(personId);
  // Without signal the person comes from the phone, and the plan is kept there (outbox) until the next sync.
  const offline = !useSyncState().online;
  const localPerson = useLocalRecord('people', personId);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const id = useNewId();
  const create = useCreatePlan(personId);
  const form = useForm<PlanFormValues>({
    initialValues: emptyPlanForm,
    validate: (values) => schemaErrors(createMigrationPlanRequestSchema, { id, ...toPlanInput(values) }),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = createMigrationPlanRequestSchema.parse({ id, ...toPlanInput(values) });
    const villageCode = person.data?.villageCode ?? String(localPerson?.village_code);
    const plan = await saveOnlineOrLocally(
      () => create.mutateAsync(request),
      () => createPlanLocally(offlineDb(), user.id, villageCode, personId, { ...request, id }),
    );
    if (!plan) {
      notifications.show({ color: 'yellow', message: t('sync.savedOffline', { name: t('plans.newTitle') }) });
      await navigate({ to: '/penduduk/desa/$villageCode', params: { villageCode }, search: {} });
      return;
    }
    notifications.show({ color: 'green', message: t('plans.created') });
    await navigate({ to: '/rencana-migrasi/$planId', params: { planId: plan.id } });
  });

  const personName = person.data?.name ?? (offline && localPerson ? String(localPerson.name) : undefined);
  if (!personName && person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (!personName) return <PageSkeleton />;

  return (
    <>
      <PageHeader title={t('plans.newTitle')} description={personName} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormFailure failure={failure} />
            <PlanFormFields form={form} />
            <Group gap="xs">
              <Button type="submit" loading={form.submitting}>
                {t('plans.create')}
              </Button>
              <ButtonLink variant="default" to="/penduduk/$personId" params={{ personId }}>
                {t('actions.cancel')}
              </ButtonLink>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
