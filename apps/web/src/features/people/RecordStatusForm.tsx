import { migrantStatuses, recordMigrantStatusRequestSchema, type PersonDetail } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { useRecordMigrantStatus } from './api';
import { useNewId } from './useNewId';

interface StatusValues {
  status: string;
  effectiveDate: string;
  note: string;
}

/** A dated change of migrant status: left for work abroad, came back, started preparing… Never an overwrite. */
export function RecordStatusForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMigrantStatus(person.id);
  const id = useNewId();
  const today = todayInJakarta();
  const toRequest = (values: StatusValues) => ({
    id,
    status: values.status,
    effectiveDate: values.effectiveDate,
    note: blankToNull(values.note),
  });
  const form = useForm<StatusValues>({
    initialValues: { status: '', effectiveDate: today, note: '' },
    validate: (values) => {
      const errors = schemaErrors(recordMigrantStatusRequestSchema, toRequest(values));
      if (!values.status) errors.status = t('person.statusRequired');
      return errors;
    },
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await record.mutateAsync(recordMigrantStatusRequestSchema.parse(toRequest(values)));
    notifications.show({ color: 'green', message: t('person.statusRecorded') });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <Select
          label={t('person.newStatus')}
          required
          data={migrantStatuses.map((status) => ({ value: status, label: t(`migrantStatus.${status}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
        <TextInput
          type="date"
          label={t('person.effectiveDate')}
          description={t('person.effectiveDateHelp')}
          required
          max={today}
          {...form.getInputProps('effectiveDate')}
        />
        <Textarea
          label={t('person.statusNote')}
          placeholder={t('person.statusNotePlaceholder')}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('person.recordStatus')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
