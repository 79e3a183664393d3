import { createServiceRequestSchema, serviceTypes, type ServiceType } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Button, Chip, Group, Input, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { createServiceLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { PersonSelect } from '../people/PersonSelect';
import { useNewId } from '../people/useNewId';
import { useCreateService } from './api';

interface ServiceFormValues {
  who: 'registered' | 'visitor';
  personId: string | null;
  visitorName: string;
  serviceType: ServiceType | '';
  serviceDate: string;
  notes: string;
  followUpDate: string;
}

function toRequest(id: string, values: ServiceFormValues) {
  return {
    id,
    personId: values.who === 'registered' ? values.personId : null,
    visitorName: values.who === 'visitor' ? blankToNull(values.visitorName) : null,
    serviceType: values.serviceType,
    serviceDate: values.serviceDate,
    notes: blankToNull(values.notes),
    followUpDate: blankToNull(values.followUpDate),
  };
}

/**
 * "Catat layanan": who came, which service, when — a minute on a phone. The id is made once per visit so a retried
 * save records the visit once; after a save the form starts again, with a new id, for the next visitor.
 */
export function ServiceForm({ villageCode, onSaved }: { villageCode: string; onSaved?: () => void }) {
  const [visit, setVisit] = useState(0);
  const saved = () => {
    setVisit((n) => n + 1);
    onSaved?.();
  };
  return <VisitForm key={visit} villageCode={villageCode} onSaved={saved} />;
}

function VisitForm({ villageCode, onSaved }: { villageCode: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useNewId();
  const user = useCurrentUser();
  const create = useCreateService(villageCode);
  const form = useForm<ServiceFormValues>({
    initialValues: {
      who: 'registered',
      personId: null,
      visitorName: '',
      serviceType: '',
      serviceDate: todayInJakarta(),
      notes: '',
      followUpDate: '',
    },
    validate: (values) => {
      const errors = schemaErrors(createServiceRequestSchema, toRequest(id, values));
      if (!values.serviceType) errors.serviceType = t('services.form.chooseType');
      if (values.who === 'registered' && !values.personId) {
        delete errors.visitorName;
        errors.personId = t('services.form.choosePerson');
      }
      return errors;
    },
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = createServiceRequestSchema.parse(toRequest(id, values));
    // Without signal the visit is kept on the phone (outbox) and sent by the next sync.
    const saved = await saveOnlineOrLocally(
      () => create.mutateAsync(request),
      () => createServiceLocally(offlineDb(), user.id, villageCode, { ...request, id }),
    );
    notifications.show(
      saved
        ? { color: 'green', message: t('services.form.saved', { name: saved.name }) }
        : { color: 'yellow', message: t('sync.savedOffline', { name: request.visitorName ?? t('sync.visit') }) },
    );
    onSaved();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <SegmentedControl
          fullWidth
          data={[
            { value: 'registered', label: t('services.form.registered') },
            { value: 'visitor', label: t('services.form.visitor') },
          ]}
          {...form.getInputProps('who')}
        />
        {form.values.who === 'registered' ? (
          <PersonSelect
            villageCode={villageCode}
            label={t('services.form.person')}
            value={form.values.personId}
            onChange={(personId) => form.setFieldValue('personId', personId)}
            error={form.errors.personId as string | undefined}
            required
          />
        ) : (
          <TextInput
            label={t('services.form.visitorName')}
            description={t('services.form.visitorHelp')}
            required
            autoComplete="off"
            {...form.getInputProps('visitorName')}
          />
        )}
        <Input.Wrapper label={t('services.form.serviceType')} required error={form.errors.serviceType} id="serviceType">
          <Chip.Group value={form.values.serviceType} onChange={(value) => form.setFieldValue('serviceType', value as ServiceType)}>
            <Group gap={6} mt={4}>
              {serviceTypes.map((type) => (
                <Chip key={type} value={type} size="md" radius="sm">
                  {t(`services.types.${type}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('services.form.serviceDate')} required {...form.getInputProps('serviceDate')} />
          <TextInput type="date" label={t('services.form.followUpDate')} {...form.getInputProps('followUpDate')} />
        </Group>
        <Textarea label={t('services.form.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Button type="submit" loading={form.submitting} size="md">
          {t('services.form.save')}
        </Button>
      </Stack>
    </form>
  );
}
