import { type Placement, recordReturnRequestSchema, reintegrationNeeds, returnReasons } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { recordReturnLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { useRecordReturn } from './api';

interface ReturnValues {
  returnDate: string;
  reason: string | null;
  skillsGained: string;
  savingsPlan: string;
  reintegrationNeeds: string[];
  notes: string;
}

/**
 * The return home of a migrant (purna PMI): what they bring back and what they need to settle.
 * Without signal it is kept on the phone's copy of the departure (outbox), with the version read.
 */
export function ReturnForm({ placement, onDone }: { placement: Pick<Placement, 'id' | 'version' | 'departureDate'>; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = todayInJakarta();
  const record = useRecordReturn(placement.id);
  const toRequest = (values: ReturnValues) => ({
    returnDate: values.returnDate,
    reason: values.reason ?? '',
    skillsGained: blankToNull(values.skillsGained),
    savingsPlan: blankToNull(values.savingsPlan),
    reintegrationNeeds: values.reintegrationNeeds,
    notes: blankToNull(values.notes),
    version: placement.version,
  });
  const form = useForm<ReturnValues>({
    initialValues: { returnDate: today, reason: null, skillsGained: '', savingsPlan: '', reintegrationNeeds: [], notes: '' },
    validate: (values) => schemaErrors(recordReturnRequestSchema, toRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = recordReturnRequestSchema.parse(toRequest(values));
    const saved = await saveOnlineOrLocally(
      () => record.mutateAsync(request),
      async () => {
        const row = await offlineDb().migration_placements.get(placement.id);
        if (!row) throw new Error(t('offlineWork.placementNotOnPhone'));
        return recordReturnLocally(offlineDb(), user.id, row, request);
      },
    );
    notifications.show(saved ? { color: 'green', message: t('placements.returnSaved') } : { color: 'yellow', message: t('offlineWork.returnSavedOffline') });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('placements.returnDate')}
            description={t('placements.returnDateHelp')}
            required
            min={placement.departureDate}
            max={today}
            {...form.getInputProps('returnDate')}
          />
          <Select
            label={t('placements.reason')}
            required
            comboboxProps={{ withinPortal: true }}
            data={returnReasons.map((reason) => ({ value: reason, label: t(`placements.returnReason.${reason}`) }))}
            {...form.getInputProps('reason')}
          />
        </SimpleGrid>
        <Textarea label={t('placements.skillsGained')} autosize minRows={2} {...form.getInputProps('skillsGained')} />
        <Textarea label={t('placements.savingsPlan')} autosize minRows={2} {...form.getInputProps('savingsPlan')} />
        <Checkbox.Group label={t('placements.needs')} {...form.getInputProps('reintegrationNeeds')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {reintegrationNeeds.map((need) => (
              <Checkbox key={need} value={need} label={t(`placements.need.${need}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('placements.returnNotes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('placements.recordReturn')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
