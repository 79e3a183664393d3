import {
  createJobOrderRequestSchema,
  destinationCountries,
  type JobOrder,
  placementSchemeLabels,
  placementSchemes,
  sectorLabels,
  sectors,
} from '@desmigratif/contracts';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { useSaveJobOrder } from './api';
import { AgencySelect } from './AgencySelect';
import { emptyJobForm, formToJobRequest, jobToForm, type JobFormValues } from './jobForm';

export const countryOptions = destinationCountries.map((c) => ({ value: c.code, label: c.name }));

/** Adds a job order, or edits one (which then needs verifying again). */
export function JobForm({ job, onDone }: { job?: JobOrder; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveJobOrder();
  const form = useForm<JobFormValues>({
    initialValues: job ? jobToForm(job) : emptyJobForm,
    validate: (values) => schemaErrors(createJobOrderRequestSchema, formToJobRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = formToJobRequest(values);
    if (job) await save.mutateAsync({ id: job.id, update: { ...request, version: job.version } });
    else await save.mutateAsync({ create: request });
    notifications.show({ color: 'green', message: t('jobs.saved') });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {job?.verified && <Alert color="yellow">{t('jobs.editUnverifies')}</Alert>}
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t('jobs.country')} required searchable data={countryOptions} {...form.getInputProps('country')} />
          <TextInput label={t('jobs.occupation')} required {...form.getInputProps('occupation')} />
          <Select
            label={t('jobs.sector')}
            required
            data={sectors.map((s) => ({ value: s, label: sectorLabels[s] }))}
            {...form.getInputProps('sector')}
          />
          <Select
            label={t('jobs.scheme')}
            required
            data={placementSchemes.map((s) => ({ value: s, label: placementSchemeLabels[s] }))}
            {...form.getInputProps('scheme')}
          />
        </SimpleGrid>
        <AgencySelect label={t('jobs.agency')} description={t('jobs.agencyHelp')} current={job?.agency ?? null} {...form.getInputProps('agencyId')} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <TextInput label={t('jobs.quota')} inputMode="numeric" {...form.getInputProps('quota')} />
          <TextInput label={t('jobs.salaryAmount')} inputMode="decimal" {...form.getInputProps('salaryAmount')} />
          <TextInput
            label={t('jobs.salaryCurrency')}
            placeholder={t('jobs.salaryCurrencyPlaceholder')}
            maxLength={3}
            {...form.getInputProps('salaryCurrency')}
          />
          <TextInput type="date" label={t('jobs.closingDate')} {...form.getInputProps('closingDate')} />
        </SimpleGrid>
        <TextInput label={t('jobs.referenceNumber')} {...form.getInputProps('referenceNumber')} />
        <Textarea label={t('jobs.descriptionField')} autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea label={t('jobs.requirements')} autosize minRows={2} {...form.getInputProps('requirements')} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('actions.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
