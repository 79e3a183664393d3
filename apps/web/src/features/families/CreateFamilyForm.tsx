import { createFamilyRequestSchema, type Family } from '@desmigratif/contracts';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { ApiError } from '../../lib/api';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { useNewId } from '../people/useNewId';
import { useTemporaryIds } from '../people/useTemporaryIds';
import { familyQuery, useCreateFamily } from './api';
import { toCreateFamilyRequest, type NewFamilyValues } from './familyForm';
import { noKkFeedback } from './noKkFeedback';
import { NoKkField } from './NoKkField';

interface CreateFamilyFormProps {
  villageCode: string;
  /** The address typed for the person so far, so it need not be typed twice. */
  initialAddress: Omit<NewFamilyValues, 'noKk'>;
  onCreated: (family: Family) => void;
  onCancel: () => void;
}

/** The family that already holds the typed number, when the server says so (409 FAMILY_EXISTS). */
function existingFamilyId(failure: unknown): string | null {
  if (!(failure instanceof ApiError) || failure.code !== 'FAMILY_EXISTS') return null;
  const details = failure.details;
  return typeof details === 'object' && details !== null && 'familyId' in details && typeof details.familyId === 'string'
    ? details.familyId
    : null;
}

/** Records a new family card (KK) of the village. */
export function CreateFamilyForm({ villageCode, initialAddress, onCreated, onCancel }: CreateFamilyFormProps) {
  const { t } = useTranslation();
  const create = useCreateFamily(villageCode);
  const queryClient = useQueryClient();
  const temporaryIds = useTemporaryIds(villageCode);
  const id = useNewId();
  const form = useForm<NewFamilyValues>({
    initialValues: { noKk: '', ...initialAddress },
    validate: (values) => {
      const errors = schemaErrors(createFamilyRequestSchema, toCreateFamilyRequest(values, id));
      const domainError = noKkFeedback(values.noKk, true).errors[0];
      if (!errors.noKk && domainError) errors.noKk = domainError;
      return errors;
    },
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const family = await create.mutateAsync(createFamilyRequestSchema.parse(toCreateFamilyRequest(values, id)));
    onCreated(family);
  });
  const existingId = existingFamilyId(failure);
  const chooseExisting = async (familyId: string) =>
    onCreated(await queryClient.fetchQuery({ ...familyQuery(familyId), staleTime: 0 }));

  return (
    // A form of its own inside the person form's dialog: its submit must not submit the person.
    <form
      onSubmit={(event) => {
        event.stopPropagation();
        submit(event);
      }}
      noValidate
    >
      <Stack gap="md">
        <FormFailure failure={failure} />
        {existingId && (
          <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => void chooseExisting(existingId)}>
            {t('family.chooseExisting')}
          </Button>
        )}
        <NoKkField
          label={t('family.noKk')}
          required
          path="noKk"
          value={form.values.noKk}
          error={typeof form.errors.noKk === 'string' ? form.errors.noKk : undefined}
          onChange={(value) => form.setFieldValue('noKk', value)}
          onUseTemporary={async () => form.setFieldValue('noKk', await temporaryIds.nextNoKk())}
        />
        <TextInput label={t('person.dusun')} {...form.getInputProps('dusun')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('person.rt')} inputMode="numeric" {...form.getInputProps('rt')} />
          <TextInput label={t('person.rw')} inputMode="numeric" {...form.getInputProps('rw')} />
        </SimpleGrid>
        <TextInput label={t('person.address')} {...form.getInputProps('address')} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('family.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
