import { updateVillageRequestSchema, type ProgramVillage } from '@desmigratif/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { canSelectVillages } from '../../app/auth/permissions';
import { FormFailure } from '../../components/FormFailure';
import { RevealOnChange } from '../../components/RevealOnChange';
import { ApiError } from '../../lib/api';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { programVillageQuery, useUpdateVillage } from './api';
import { ConflictNotice } from './ConflictNotice';
import { changedFields, toUpdateRequest, villageToForm, type VillageFormValues } from './villageForm';
import { VillageFormFields } from './VillageFormFields';

interface Conflict {
  message: string;
  latest: ProgramVillage;
}

export function VillageEditForm({ village, onClose }: { village: ProgramVillage; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const update = useUpdateVillage(village.villageCode);
  const selects = canSelectVillages(user.role);
  /** The version the typed values are based on; moves forward when the user sees someone else's change. */
  const [baseVersion, setBaseVersion] = useState(village.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<VillageFormValues>({
    initialValues: villageToForm(village, randomId),
    validate: (values) => schemaErrors(updateVillageRequestSchema, toUpdateRequest(values, baseVersion, selects)),
  });

  const { submit, failure, setFailure } = useFormSubmit(
    form,
    async (values) => {
      await update.mutateAsync(toUpdateRequest(values, baseVersion, selects));
      notifications.show({ color: 'green', message: t('village.saved', { name: village.villageName }) });
      onClose();
    },
    async (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT')
        await loadLatest(error.message).catch(setFailure);
    },
  );

  /** Someone saved first: fetch what they saved, and base the next save on it. */
  async function loadLatest(message: string) {
    const latest = await queryClient.fetchQuery({ ...programVillageQuery(village.villageCode), staleTime: 0 });
    setBaseVersion(latest.version);
    setConflict({ message, latest });
    setFailure(null);
  }

  const applyLatest = (latest: ProgramVillage) => {
    form.setValues(villageToForm(latest, randomId));
    form.clearErrors();
    setConflict(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <RevealOnChange trigger={conflict}>
            <ConflictNotice
              message={conflict.message}
              latest={conflict.latest}
              fields={changedFields(conflict.latest, form.values)}
              onUseLatest={() => applyLatest(conflict.latest)}
            />
          </RevealOnChange>
        )}
        <FormFailure failure={failure} />
        <VillageFormFields form={form} role={user.role} mode="edit" />
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
