import { updateFamilyRequestSchema, type Family } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { RevealOnChange } from '../../components/RevealOnChange';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { editLocally } from '../../offline/edits';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { ConflictNotice, type ConflictChange } from '../people/ConflictNotice';
import { useTemporaryIds } from '../people/useTemporaryIds';
import { familyQuery, useUpdateFamily } from './api';
import { familyToForm, toOfflineFamilyEdit, toUpdateFamilyRequest, type FamilyEditValues } from './familyForm';
import { noKkFeedback } from './noKkFeedback';
import { NoKkField } from './NoKkField';

interface Conflict {
  message: string;
  latest: Family;
}

/**
 * Changes a family's head and address, or records the number of a new card from the day it applies.
 * Without signal the edit is kept on the phone (outbox) with the values the officer opened.
 */
export function FamilyEditForm({ family, onClose }: { family: Family; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const update = useUpdateFamily(family.id);
  const temporaryIds = useTemporaryIds(family.villageCode);
  const today = todayInJakarta();
  const [baseline, setBaseline] = useState(() => familyToForm(family));
  const [baseVersion, setBaseVersion] = useState(family.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<FamilyEditValues>({
    initialValues: baseline,
    validate: (values) => {
      const request = toUpdateFamilyRequest(values, baseline, baseVersion);
      const { noKk: noKkError, ...errors } = schemaErrors(updateFamilyRequestSchema, request);
      const newNoKkError = noKkError ?? (values.newNoKk.trim() ? noKkFeedback(values.newNoKk, true).errors[0] : undefined);
      return newNoKkError ? { ...errors, newNoKk: newNoKkError } : errors;
    },
  });

  const { submit, failure, setFailure } = useFormSubmit(
    form,
    async (values) => {
      const request = updateFamilyRequestSchema.parse(toUpdateFamilyRequest(values, baseline, baseVersion));
      const saved = await saveOnlineOrLocally(
        () => update.mutateAsync(request),
        () => saveLocally(request),
      );
      notifications.show(saved ? { color: 'green', message: t('family.saved') } : { color: 'yellow', message: t('offlineWork.familySavedOffline') });
      onClose();
    },
    async (error) => {
      if (!(error instanceof ApiError)) return;
      // The server names the new number `noKk`; on this form it is typed in `newNoKk`.
      if (error.fieldErrors.noKk) form.setFieldError('newNoKk', error.fieldErrors.noKk);
      if (error.code === 'VERSION_CONFLICT') await loadLatest(error.message).catch(setFailure);
    },
  );

  /** The edit on the phone; the page shows the typed values (same version) until the sync brings the server's. */
  async function saveLocally(request: Parameters<typeof toOfflineFamilyEdit>[0]) {
    const edit = toOfflineFamilyEdit(request, baseline, family.noKk);
    // Nothing changed: nothing to send later.
    if (Object.keys(edit.changes).length === 0) return;
    await editLocally(offlineDb(), { userId: user.id, villageCode: family.villageCode, name: 'family.update', table: 'families', id: family.id, ...edit });
    queryClient.setQueryData<Family>(familyQuery(family.id).queryKey, (current) => (current ? { ...current, ...edit.changes } : current));
  }

  async function loadLatest(message: string) {
    const latest = await queryClient.fetchQuery({ ...familyQuery(family.id), staleTime: 0 });
    setBaseVersion(latest.version);
    setConflict({ message, latest });
    setFailure(null);
  }

  const applyLatest = (latest: Family) => {
    const values = familyToForm(latest);
    form.setValues(values);
    form.clearErrors();
    setBaseline(values);
    setConflict(null);
  };

  /** What is saved now where it differs from what the officer typed (or, for the card, from what they opened). */
  const conflictChanges = (latest: Family): ConflictChange[] => {
    const saved = familyToForm(latest);
    const typed = form.values;
    const changes: ConflictChange[] = [];
    if (latest.noKk !== family.noKk) changes.push({ label: t('family.noKk'), value: latest.noKk ?? '' });
    if (saved.headPersonId !== typed.headPersonId) {
      changes.push({ label: t('family.head'), value: latest.headName ?? t('family.noHead') });
    }
    for (const field of ['dusun', 'rt', 'rw', 'address'] as const) {
      if (saved[field] !== typed[field]) changes.push({ label: t(`person.${field}`), value: saved[field] });
    }
    return changes;
  };

  const members = family.members.map((member) => ({ value: member.id, label: member.name }));

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
        <Fieldset legend={t('family.newCard')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('family.newCardHelp', { current: family.noKk ?? '—' })}
            </Text>
            <NoKkField
              label={t('family.newNoKk')}
              path="newNoKk"
              value={form.values.newNoKk}
              error={typeof form.errors.newNoKk === 'string' ? form.errors.newNoKk : undefined}
              onChange={(value) => form.setFieldValue('newNoKk', value)}
              onUseTemporary={async () => form.setFieldValue('newNoKk', await temporaryIds.nextNoKk())}
            />
            <TextInput
              type="date"
              label={t('family.validFromInput')}
              description={t('family.validFromHelp', {
                date: family.noKkHistory[0] ? formatDate(family.noKkHistory[0].validFrom) : '—',
              })}
              max={today}
              disabled={form.values.newNoKk.trim() === ''}
              {...form.getInputProps('noKkValidFrom')}
            />
          </Stack>
        </Fieldset>
        <Select
          label={t('family.head')}
          data={members}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('headPersonId')}
        />
        <Fieldset legend={t('person.groupAddress')}>
          <Stack gap="sm">
            <TextInput label={t('person.dusun')} {...form.getInputProps('dusun')} />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label={t('person.rt')} inputMode="numeric" {...form.getInputProps('rt')} />
              <TextInput label={t('person.rw')} inputMode="numeric" {...form.getInputProps('rw')} />
            </SimpleGrid>
            <Textarea label={t('person.address')} autosize minRows={2} {...form.getInputProps('address')} />
          </Stack>
        </Fieldset>
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
