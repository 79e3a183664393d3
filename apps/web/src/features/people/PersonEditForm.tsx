import { updatePersonRequestSchema, type PersonDetail } from '@desmigratif/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
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
import { familyLabel } from '../families/familyLabel';
import { peopleKeys, personQuery, useUpdatePerson } from './api';
import { ConflictNotice } from './ConflictNotice';
import { nikFeedback } from './nikFeedback';
import { differingFields, personToForm, toOfflineEdit, toUpdateRequest, type PersonFormValues } from './personForm';
import { PersonFormFields } from './PersonFormFields';
import { useFieldText } from './useFieldText';

interface Conflict {
  message: string;
  latest: PersonDetail;
}

/**
 * Edits a resident: only the changed fields are sent, with the version they were read at. Without
 * signal the edit is kept on the phone (outbox) with the values the officer opened, for the sync
 * to merge with whatever someone else saved meanwhile.
 */
export function PersonEditForm({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
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
      const request = updatePersonRequestSchema.parse(toUpdateRequest(values, baseline, baseVersion));
      const saved = await saveOnlineOrLocally(
        () => update.mutateAsync(request),
        () => saveLocally(request),
      );
      notifications.show(
        saved
          ? { color: 'green', message: t('person.saved', { name: values.name.trim() }) }
          : { color: 'yellow', message: t('sync.savedOffline', { name: values.name.trim() }) },
      );
      onClose();
    },
    async (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        await loadLatest(error.message).catch(setFailure);
      }
    },
  );

  /** The edit on the phone; the page shows the typed values (same version) until the sync brings the server's. */
  async function saveLocally(request: Parameters<typeof toOfflineEdit>[0]) {
    const edit = toOfflineEdit(request, baseline);
    // Nothing changed: nothing to send later.
    if (Object.keys(edit.changes).length === 0) return;
    await editLocally(offlineDb(), { userId: user.id, villageCode: person.villageCode, name: 'person.update', table: 'people', id: person.id, ...edit });
    queryClient.setQueryData<PersonDetail>(peopleKeys.person(person.id), (current) => (current ? { ...current, ...edit.changes } : current));
  }

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
