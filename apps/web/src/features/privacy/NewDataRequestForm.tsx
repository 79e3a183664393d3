import { createDataSubjectRequestSchema, dataSubjectRequestKinds } from '@desmigratif/contracts';
import { Button, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { formatDateTime } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { PersonSelect } from '../people/PersonSelect';
import { useNewId } from '../people/useNewId';
import { useCreateDataRequest } from './api';

interface RequestValues {
  personId: string | null;
  kind: string | null;
  requesterName: string;
  notes: string;
}

/** A resident's request about their own data, taken down at the counter; the deadline comes from the server. */
export function NewDataRequestForm({ villageCode, personId }: { villageCode: string; personId?: string }) {
  const { t } = useTranslation();
  const id = useNewId();
  const create = useCreateDataRequest(villageCode);
  const toRequest = (values: RequestValues) => ({
    id,
    personId: values.personId ?? '',
    kind: values.kind ?? '',
    requesterName: values.requesterName,
    notes: blankToNull(values.notes),
  });
  const form = useForm<RequestValues>({
    initialValues: { personId: personId ?? null, kind: null, requesterName: '', notes: '' },
    validate: (values) => schemaErrors(createDataSubjectRequestSchema, toRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const created = await create.mutateAsync(createDataSubjectRequestSchema.parse(toRequest(values)));
    notifications.show({ color: 'green', message: t('privacy.requests.saved', { due: formatDateTime(created.dueAt) }) });
    form.setValues({ kind: null, requesterName: '', notes: '' });
  });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('privacy.requests.new')}
          </Title>
          <FormFailure failure={failure} />
          <PersonSelect
            villageCode={villageCode}
            label={t('privacy.requests.person')}
            required
            value={form.values.personId}
            onChange={(chosen) => form.setFieldValue('personId', chosen)}
            error={form.errors.personId as string | undefined}
          />
          <Select
            label={t('privacy.requests.kind')}
            required
            comboboxProps={{ withinPortal: true }}
            data={dataSubjectRequestKinds.map((kind) => ({ value: kind, label: t(`privacy.requests.kindOption.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('privacy.requests.requesterName')} description={t('privacy.requests.requesterHelp')} required {...form.getInputProps('requesterName')} />
          <Textarea label={t('privacy.requests.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('privacy.requests.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
