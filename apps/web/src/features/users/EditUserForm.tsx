import { updateUserRequestSchema, type User } from '@desmigratif/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { useUpdateUser } from './api';

/** Name and phone of an existing account. */
export function EditUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm({
    initialValues: { fullName: user.fullName, phone: user.phone ?? '' },
    validate: (values) =>
      schemaErrors(updateUserRequestSchema, { fullName: values.fullName, phone: blankToNull(values.phone) }),
  });

  const { submit, failure } = useFormSubmit(form, async (values) => {
    await update.mutateAsync({ id: user.id, fullName: values.fullName.trim(), phone: blankToNull(values.phone) });
    notifications.show({ color: 'green', message: t('users.updated', { username: user.username }) });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
        <TextInput
          label={t('users.phone')}
          type="tel"
          inputMode="tel"
          placeholder="081234567890"
          {...form.getInputProps('phone')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('actions.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
