import { enrollVillageRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { settableStatuses } from '../../app/auth/permissions';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { ApiError } from '../../lib/api';
import { schemaErrors } from '../../lib/validation';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { RegionPicker } from '../regions/RegionPicker';
import { useEnrollVillage } from './api';
import { emptyVillageForm, toEnrollRequest, type VillageFormValues } from './villageForm';
import { VillageFormFields } from './VillageFormFields';

export function EnrollVillagePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { village } = useSearch({ from: '/app/desa/daftar' });
  const navigate = useNavigate();
  const enroll = useEnrollVillage();
  const statuses = settableStatuses(user.role);
  const form = useForm<VillageFormValues>({
    initialValues: emptyVillageForm(
      village ?? '',
      statuses.includes('aktif') ? 'aktif' : 'diusulkan',
      new Date().getFullYear(),
    ),
    validate: (values) => schemaErrors(enrollVillageRequestSchema, toEnrollRequest(values)),
  });

  const { submit, failure } = useFormSubmit(form, async (values) => {
    const saved = await enroll.mutateAsync(toEnrollRequest(values));
    notifications.show({ color: 'green', message: t('enroll.saved', { name: saved.villageName }) });
    await navigate({ to: '/desa/$villageCode', params: { villageCode: saved.villageCode } });
  });

  const alreadyEnrolled = failure instanceof ApiError && failure.code === 'ALREADY_ENROLLED';

  return (
    <>
      <PageHeader title={t('enroll.title')} description={t('enroll.description')} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormFailure failure={failure} />
            {alreadyEnrolled && (
              <AnchorLink to="/desa/$villageCode" params={{ villageCode: form.values.villageCode }}>
                {t('enroll.openExisting')}
              </AnchorLink>
            )}
            <RegionPicker
              label={t('enroll.village')}
              description={t('enroll.villageHelp')}
              levels={['desa']}
              within={user.scopeCode}
              required
              value={form.values.villageCode}
              onChange={(code) => form.setFieldValue('villageCode', code)}
              error={form.errors.villageCode}
            />
            <VillageFormFields form={form} role={user.role} mode="enroll" />
            <Group gap="xs">
              <Button type="submit" loading={form.submitting}>
                {t('enroll.submit')}
              </Button>
              <ButtonLink variant="default" to="/desa">
                {t('actions.cancel')}
              </ButtonLink>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
