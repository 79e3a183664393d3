import { loginRequestSchema, recoveryCodeSchema, totpCodeSchema } from '@desmigratif/contracts';
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthContext';
import { Logo } from '../../app/Logo';
import { LanguageToggle } from '../../components/LanguageToggle';
import { AnchorLink } from '../../components/RouterLinks';
import { ApiError } from '../../lib/api';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { schemaErrors } from '../../lib/validation';

/**
 * 'password' first; 'code' once the server answered TOTP_REQUIRED (the account uses two-factor
 * sign-in): the username and password typed stay, and the code or a recovery code is asked.
 */
type Step = 'password' | 'code';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('login.title')} · Desmigratif`);
  const { signIn } = useAuth();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<unknown>(null);
  const [step, setStep] = useState<Step>('password');
  const [useRecovery, setUseRecovery] = useState(false);
  const codeField = useRecovery ? 'recoveryCode' : 'totpCode';
  const form = useForm({
    initialValues: { username: '', password: '', totpCode: '', recoveryCode: '' },
    validate: (values) => {
      const errors = schemaErrors(loginRequestSchema, { username: values.username, password: values.password });
      if (step === 'code') {
        const schema = useRecovery ? recoveryCodeSchema : totpCodeSchema;
        const problem = Object.values(schemaErrors(schema, values[codeField]))[0];
        if (problem) errors[codeField] = problem;
      }
      return errors;
    },
  });

  const backToPassword = () => {
    setStep('password');
    setUseRecovery(false);
    setFailure(null);
    form.setValues({ password: '', totpCode: '', recoveryCode: '' });
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const secondFactor =
      step === 'code' ? (useRecovery ? { recoveryCode: values.recoveryCode } : { totpCode: values.totpCode.replace(/\s/g, '') }) : {};
    try {
      await signIn({ username: values.username, password: values.password, ...secondFactor });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
        // The password was right: keep it, and ask for the code.
        setStep('code');
        setTimeout(() => form.getInputNode('totpCode')?.focus(), 0);
        return;
      }
      setFailure(error);
      if (error instanceof ApiError && error.code === 'TOTP_INVALID') {
        form.setFieldValue(codeField, '');
        form.getInputNode(codeField)?.focus();
        return;
      }
      // Anything else (a wrong password, a locked account) starts again from the password.
      setStep('password');
      setUseRecovery(false);
      form.setValues({ password: '', totpCode: '', recoveryCode: '' });
      setTimeout(() => form.getInputNode('password')?.focus(), 0);
    }
  });

  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageToggle />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={400}>
          <Stack gap="lg">
            <Stack align="center" gap={6}>
              <Logo size={56} />
              <Title order={1} fz="h2">
                Desmigratif
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('login.subtitle')}
              </Text>
            </Stack>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                {failure !== null && (
                  <Alert color="red" icon={<IconAlertCircle size={20} />} role="alert">
                    {errorMessage(failure)}
                  </Alert>
                )}
                {step === 'password' ? (
                  <>
                    <TextInput
                      label={t('login.username')}
                      autoComplete="username"
                      autoCapitalize="none"
                      autoCorrect="off"
                      spellCheck={false}
                      required
                      data-testid="login-username"
                      {...form.getInputProps('username')}
                    />
                    <PasswordInput
                      label={t('login.password')}
                      autoComplete="current-password"
                      required
                      data-testid="login-password"
                      {...form.getInputProps('password')}
                    />
                  </>
                ) : (
                  <>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {t('twoFactor.login.signingInAs', { username: form.values.username })}
                      </Text>
                      <Anchor component="button" type="button" size="sm" onClick={backToPassword}>
                        {t('twoFactor.login.otherAccount')}
                      </Anchor>
                    </Group>
                    {useRecovery ? (
                      <TextInput
                        key="recoveryCode"
                        label={t('twoFactor.login.recoveryLabel')}
                        description={t('twoFactor.login.recoveryHelp')}
                        autoComplete="off"
                        autoCapitalize="none"
                        autoCorrect="off"
                        spellCheck={false}
                        required
                        data-testid="login-recovery-code"
                        {...form.getInputProps('recoveryCode')}
                      />
                    ) : (
                      <TextInput
                        key="totpCode"
                        label={t('twoFactor.login.codeLabel')}
                        description={t('twoFactor.login.codeHelp')}
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        maxLength={7}
                        required
                        data-testid="login-totp-code"
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
                  </>
                )}
                <Button type="submit" fullWidth loading={form.submitting} data-testid="login-submit">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
      <Stack align="center" gap={2} px="md" pb="xl">
        <AnchorLink to="/info" fw={600}>
          {t('publicPage.fromLogin')}
        </AnchorLink>
        <Text size="sm" c="dimmed" ta="center">
          {t('publicPage.fromLoginHelp')}
        </Text>
      </Stack>
    </Box>
  );
}
