import { changePasswordRequestSchema } from '@desmigratif/contracts';
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useAuth, useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { schemaErrors } from '../../lib/validation';
import { useFormSubmit } from '../../lib/useFormSubmit';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { reload } = useAuth();
  const navigate = useNavigate();
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors: Record<string, string> = schemaErrors(changePasswordRequestSchema, values);
      if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) {
        errors.confirmPassword = t('password.mismatch');
      }
      if (!errors.newPassword && values.newPassword === values.currentPassword) {
        errors.newPassword = t('password.sameAsOld');
      }
      return errors;
    },
  });

  const { submit, failure } = useFormSubmit(form, async ({ currentPassword, newPassword }) => {
    await api.post('/auth/password', { currentPassword, newPassword });
    notifications.show({ color: 'green', message: t('password.changed') });
    await reload();
    setChanged(true);
  });

  // Leave only once the new session (no longer bound to a temporary password) has reached the
  // router: navigating before that, its guard would send the user straight back here.
  useEffect(() => {
    if (changed && !user.mustChangePassword) void navigate({ to: '/' });
  }, [changed, user.mustChangePassword, navigate]);

  return (
    <Stack maw={480}>
      <PageHeader title={t('password.title')} description={t('password.description')} />
      {user.mustChangePassword && (
        <Alert color="yellow" icon={<IconInfoCircle size={20} />}>
          {t('password.mustChange')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormFailure failure={failure} />
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rule')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmPassword')}
            />
            <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
