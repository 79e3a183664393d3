import { type Agency, createAgencyRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { agencyToForm, type AgencyFormValues, emptyAgencyForm, formToAgencyRequest } from './agencyForm';
import { useSaveAgency } from './api';

/** Adds a licensed agency, or edits one with the version it was loaded on. */
export function AgencyForm({ agency, onDone }: { agency?: Agency; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAgency();
  const form = useForm<AgencyFormValues>({
    initialValues: agency ? agencyToForm(agency) : emptyAgencyForm,
    validate: (values) => schemaErrors(createAgencyRequestSchema, formToAgencyRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = formToAgencyRequest(values);
    const saved = agency
      ? await save.mutateAsync({ id: agency.id, update: { ...request, version: agency.version } })
      : await save.mutateAsync({ create: request });
    notifications.show({ color: 'green', message: t('agencies.saved', { name: saved.name }) });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <TextInput label={t('agencies.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('agencies.licenceNumber')} required {...form.getInputProps('licenceNumber')} />
        <TextInput
          type="date"
          label={t('agencies.validUntil')}
          description={t('agencies.validUntilHelp')}
          {...form.getInputProps('licenceValidUntil')}
        />
        <Textarea label={t('agencies.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <Textarea
          label={t('agencies.branches')}
          description={t('agencies.branchesHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('branches')}
        />
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
