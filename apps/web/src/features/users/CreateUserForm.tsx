import { createUserRequestSchema, type Role } from '@desmigratif/contracts';
import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { allowedScopeLengths, creatableRoles } from '../../app/auth/permissions';
import { FormFailure } from '../../components/FormFailure';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { RegionPicker } from '../regions/RegionPicker';
import { useCreateUser } from './api';
import { pickerLevels, scopeFits } from './scopeChoice';

interface CreateUserValues {
  username: string;
  fullName: string;
  role: Role | '';
  scopeCode: string;
  /** The account covers the whole country (scope ''). */
  national: boolean;
  phone: string;
  password: string;
}

function toRequest(values: CreateUserValues) {
  return {
    username: values.username,
    fullName: values.fullName,
    role: values.role || undefined,
    scopeCode: values.national ? '' : values.scopeCode,
    phone: blankToNull(values.phone),
    password: values.password,
  };
}

/** A new account: the role list and region are limited to what the signed-in manager may hand out. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const actor = useCurrentUser();
  const create = useCreateUser();
  const roles = creatableRoles(actor);
  const form = useForm<CreateUserValues>({
    initialValues: {
      username: '',
      fullName: '',
      role: roles.length === 1 ? (roles[0] ?? '') : '',
      scopeCode: '',
      national: false,
      phone: '',
      password: '',
    },
    validate: (values) => {
      const request = toRequest(values);
      const errors = schemaErrors(createUserRequestSchema, request);
      if (values.role && !errors.scopeCode && !scopeFits(request.scopeCode, allowedScopeLengths(actor, values.role))) {
        errors.scopeCode = t('users.scopeRequired');
      }
      return errors;
    },
  });

  const role = form.values.role;
  const lengths = role ? allowedScopeLengths(actor, role) : [];
  const levels = pickerLevels(lengths);
  const nationalAllowed = lengths.includes(0);

  const { submit, failure } = useFormSubmit(form, async (values) => {
    const created = await create.mutateAsync(createUserRequestSchema.parse(toRequest(values)));
    notifications.show({ color: 'green', message: t('users.created', { username: created.username }) });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHelp')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            required
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
        </SimpleGrid>
        <Select
          label={t('users.role')}
          required
          allowDeselect={false}
          data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
          {...form.getInputProps('role')}
          onChange={(value) => {
            const next = roles.find((item) => item === value) ?? '';
            const nextLengths = next ? allowedScopeLengths(actor, next) : [];
            form.setValues({
              role: next,
              national: nextLengths.length > 0 && nextLengths.every((length) => length === 0),
              scopeCode: scopeFits(form.values.scopeCode, nextLengths) ? form.values.scopeCode : '',
            });
          }}
        />
        {role && nationalAllowed && levels.length === 0 && (
          <Text size="sm">
            {t('users.scope')}: <strong>{t('region.national')}</strong>
          </Text>
        )}
        {role && nationalAllowed && levels.length > 0 && (
          <Checkbox label={t('users.nationalScope')} {...form.getInputProps('national', { type: 'checkbox' })} />
        )}
        {role && levels.length > 0 && !form.values.national && (
          <RegionPicker
            label={t('users.scope')}
            description={t('users.scopeHelp', { levels: levels.map((level) => t(`regionLevel.${level}`)).join(' / ') })}
            levels={levels}
            within={actor.scopeCode}
            required
            value={form.values.scopeCode}
            onChange={(code) => form.setFieldValue('scopeCode', code)}
            error={form.errors.scopeCode}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('users.phone')}
            type="tel"
            inputMode="tel"
            placeholder="081234567890"
            {...form.getInputProps('phone')}
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHelp')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('users.create')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
