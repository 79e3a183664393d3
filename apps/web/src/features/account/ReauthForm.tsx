import { totpReauthRequestSchema } from '@desmigratif/contracts';
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import type { Reauth } from './api';

/**
 * The password and a second factor (a code from the app, or a recovery code), asked before two-factor
 * is switched off or the recovery codes are replaced.
 */
export function ReauthForm({
  help,
  submitLabel,
  danger,
  onSubmit,
  onCancel,
}: {
  help: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit: (request: Reauth) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm({
    initialValues: { password: '', totpCode: '', recoveryCode: '' },
    validate: (values) => schemaErrors(totpReauthRequestSchema, toRequest(values, useRecovery)),
  });
  const { submit, failure, setFailure } = useFormSubmit(form, (values) => onSubmit(toRequest(values, useRecovery)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{help}</Text>
        <FormFailure failure={failure} />
        <PasswordInput label={t('login.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        {useRecovery ? (
          <TextInput
            key="recoveryCode"
            label={t('twoFactor.login.recoveryLabel')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('recoveryCode')}
          />
        ) : (
          <TextInput
            key="totpCode"
            label={t('twoFactor.login.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            {...form.getInputProps('totpCode')}
          />
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setFailure(null);
            form.clearErrors();
          }}
        >
          {useRecovery ? t('twoFactor.login.useApp') : t('twoFactor.login.useRecovery')}
        </Anchor>
        <Group gap="xs">
          <Button type="submit" color={danger ? 'red' : undefined} loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function toRequest(values: { password: string; totpCode: string; recoveryCode: string }, useRecovery: boolean): Reauth {
  return useRecovery
    ? { password: values.password, recoveryCode: values.recoveryCode }
    : { password: values.password, totpCode: values.totpCode.replace(/\s/g, '') };
}
