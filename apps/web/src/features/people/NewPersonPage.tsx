import { createPersonRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { ButtonLink } from '../../components/RouterLinks';
import { focusFirstError } from '../../lib/focusFirstError';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { usePhone } from '../../lib/usePhone';
import { schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { createPersonLocally } from '../../offline/people';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { useClaimFamilyHead } from '../families/api';
import { useCreatePerson } from './api';
import { DuplicateSuggestions } from './duplicates/DuplicateSuggestions';
import { useTypedDuplicates } from './duplicates/useTypedDuplicates';
import { nikFeedback } from './nikFeedback';
import { emptyPersonForm, toCreateRequest, type PersonFormValues } from './personForm';
import { PersonFormFields } from './PersonFormFields';
import { useNewId } from './useNewId';
import { useTemporaryIds } from './useTemporaryIds';
import { VillageLabel } from './VillageLabel';

const kepalaKeluarga = '1';

/** Records a new resident of the village. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/penduduk/desa/$villageCode/baru' });
  const navigate = useNavigate();
  const phone = usePhone();
  const user = useCurrentUser();
  const create = useCreatePerson(villageCode);
  const claimHead = useClaimFamilyHead();
  const temporaryIds = useTemporaryIds(villageCode);
  const id = useNewId();
  const form = useForm<PersonFormValues>({
    initialValues: emptyPersonForm(),
    validate: (values) => {
      const errors = schemaErrors(createPersonRequestSchema, toCreateRequest(values, id, false));
      if (!values.sex) errors.sex = t('person.sexRequired');
      const nikError = nikFeedback(values.nik, { birthDate: values.birthDate, sex: values.sex, settled: true }).errors[0];
      if (nikError) errors.nik = nikError;
      return errors;
    },
  });

  const suggestions = useTypedDuplicates(villageCode, form.values);
  const candidates = suggestions.data?.candidates ?? [];
  /** The officer's "these are different people" holds for the candidates they saw, not for new ones. */
  const candidateKey = candidates.map((candidate) => candidate.id).join(',');
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const confirmed = confirmedFor === candidateKey;

  const { submit, failure } = useFormSubmit(form, async (values) => {
    if (candidates.length > 0 && !confirmed) {
      const message = t('duplicates.confirmRequired');
      setConfirmError(message);
      focusFirstError({ confirmNotDuplicate: message });
      return;
    }
    const request = createPersonRequestSchema.parse(toCreateRequest(values, id, candidates.length > 0));
    // Without signal the person is kept on the phone (outbox) and sent by the next sync.
    const person = await saveOnlineOrLocally(
      () => create.mutateAsync(request),
      () => createPersonLocally(offlineDb(), user.id, villageCode, { ...request, id }),
    );
    if (!person) {
      notifications.show({ color: 'yellow', message: t('sync.savedOffline', { name: request.name }) });
      await navigate({ to: '/penduduk/desa/$villageCode', params: { villageCode }, search: {} });
      return;
    }
    if (values.familyRelationship === kepalaKeluarga && person.familyId) {
      await claimHead.mutateAsync({ familyId: person.familyId, personId: person.id }).catch(() => {
        notifications.show({ color: 'yellow', message: t('person.headNotSet') });
      });
    }
    notifications.show({ color: 'green', message: t('person.created', { name: person.name }) });
    await navigate({ to: '/penduduk/$personId', params: { personId: person.id } });
  });

  return (
    <>
      <PageHeader title={t('person.newTitle')} description={<VillageLabel code={villageCode} />} />
      <Paper withBorder={!phone} p={phone ? 0 : 'md'} maw={860}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormFailure failure={failure} />
            <PersonFormFields
              form={form}
              villageCode={villageCode}
              mode="create"
              onUseTemporaryNik={async () => form.setFieldValue('nik', await temporaryIds.nextNik())}
              afterIdentity={
                <DuplicateSuggestions
                  suggestions={suggestions.data}
                  loading={suggestions.isFetching}
                  confirmed={confirmed}
                  onConfirmChange={(checked) => {
                    setConfirmedFor(checked ? candidateKey : null);
                    setConfirmError(undefined);
                  }}
                  error={confirmed ? undefined : confirmError}
                />
              }
            />
            <Group gap="xs">
              <Button type="submit" loading={form.submitting}>
                {t('person.save')}
              </Button>
              <ButtonLink variant="default" to="/penduduk/desa/$villageCode" params={{ villageCode }} search={{}}>
                {t('actions.cancel')}
              </ButtonLink>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
