import { createMigrationPlanRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { PageSkeleton } from '../../components/Skeletons';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
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
  const navigate = useNavigate();
  const id = useNewId();
  const create = useCreatePlan(personId);
  const form = useForm<PlanFormValues>({
    initialValues: emptyPlanForm,
    validate: (values) => schemaErrors(createMigrationPlanRequestSchema, { id, ...toPlanInput(values) }),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const plan = await create.mutateAsync(createMigrationPlanRequestSchema.parse({ id, ...toPlanInput(values) }));
    notifications.show({ color: 'green', message: t('plans.created') });
    await navigate({ to: '/rencana-migrasi/$planId', params: { planId: plan.id } });
  });

  if (person.isPending) return <PageSkeleton />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;

  return (
    <>
      <PageHeader title={t('plans.newTitle')} description={person.data.name} />
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
