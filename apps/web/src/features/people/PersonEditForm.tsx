import { updatePersonRequestSchema, type PersonDetail } from '@desmigratif/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { RevealOnChange } from '../../components/RevealOnChange';
import { ApiError } from '../../lib/api';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { familyLabel } from '../families/familyLabel';
import { personQuery, useUpdatePerson } from './api';
import { ConflictNotice } from './ConflictNotice';
import { nikFeedback } from './nikFeedback';
import { differingFields, personToForm, toUpdateRequest, type PersonFormValues } from './personForm';
import { PersonFormFields } from './PersonFormFields';
import { useFieldText } from './useFieldText';

interface Conflict {
  message: string;
  latest: PersonDetail;
}

/** Edits a resident: only the changed fields are sent, with the version they were read at. */
export function PersonEditForm({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdatePerson(person.id);
  const fieldText = useFieldText();
  /** The record as opened: what the officer changed is measured against it, also after a conflict. */
  const [baseline, setBaseline] = useState(() => personToForm(person));
  const [baseVersion, setBaseVersion] = useState(person.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<PersonFormValues>({
    initialValues: baseline,
    validate: (values) => {
      const errors = schemaErrors(updatePersonRequestSchema, toUpdateRequest(values, baseline, baseVersion));
      const identityChanged = differingFields(baseline, values).some((field) =>
        ['nik', 'birthDate', 'sex'].includes(field),
      );
      if (!person.nikMasked && identityChanged) {
        const nikError = nikFeedback(values.nik, { birthDate: values.birthDate, sex: values.sex, settled: true })
          .errors[0];
        if (nikError) errors.nik = nikError;
      }
      return errors;
    },
  });

  const { submit, failure, setFailure } = useFormSubmit(
    form,
    async (values) => {
      await update.mutateAsync(updatePersonRequestSchema.parse(toUpdateRequest(values, baseline, baseVersion)));
      notifications.show({ color: 'green', message: t('person.saved', { name: values.name.trim() }) });
      onClose();
    },
    async (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        await loadLatest(error.message).catch(setFailure);
      }
    },
  );

  /** Someone saved first: fetch what they saved and base the next save on it; the typed values stay. */
  async function loadLatest(message: string) {
    const latest = await queryClient.fetchQuery({ ...personQuery(person.id), staleTime: 0 });
    setBaseVersion(latest.version);
    setConflict({ message, latest });
    setFailure(null);
  }

  const applyLatest = (latest: PersonDetail) => {
    const values = personToForm(latest);
    form.setValues(values);
    form.clearErrors();
    setBaseline(values);
    setConflict(null);
  };

  const conflictChanges = (latest: PersonDetail) => {
    const saved = personToForm(latest);
    return differingFields(saved, form.values).map((field) => ({
      label: t(`person.${field}`),
      value:
        field === 'familyId'
          ? latest.family
            ? familyLabel(latest.family, t('family.noHead'))
            : ''
          : fieldText(field, saved),
    }));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <RevealOnChange trigger={conflict}>
            <ConflictNotice
              message={conflict.message}
              changes={conflictChanges(conflict.latest)}
              onUseLatest={() => applyLatest(conflict.latest)}
            />
          </RevealOnChange>
        )}
        <FormFailure failure={failure} />
        <PersonFormFields form={form} villageCode={person.villageCode} mode="edit" masked={person.nikMasked} />
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
