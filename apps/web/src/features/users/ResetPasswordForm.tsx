import { updateUserRequestSchema, type User } from '@desmigratif/contracts';
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { schemaErrors } from '../../lib/validation';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { useUpdateUser } from './api';

/** Sets a temporary password; the account holder chooses their own at the next login. */
export function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm({
    initialValues: { resetPassword: '', confirm: '' },
    validate: (values) => {
      const errors: Record<string, string> = schemaErrors(updateUserRequestSchema, {
        resetPassword: values.resetPassword,
      });
      if (!errors.resetPassword && values.confirm !== values.resetPassword) errors.confirm = t('password.mismatch');
      return errors;
    },
  });

  const { submit, failure } = useFormSubmit(form, async (values) => {
    await update.mutateAsync({ id: user.id, resetPassword: values.resetPassword });
    notifications.show({ color: 'green', message: t('users.passwordReset', { username: user.username }) });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('users.resetHelp', { name: user.fullName })}</Text>
        <FormFailure failure={failure} />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rule')}
          autoComplete="new-password"
          required
          {...form.getInputProps('resetPassword')}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group gap="xs">
          <Button type="submit" color="orange" loading={form.submitting}>
            {t('users.resetPassword')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
