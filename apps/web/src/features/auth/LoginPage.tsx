import { loginRequestSchema } from '@desmigratif/contracts';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthContext';
import { Logo } from '../../app/Logo';
import { LanguageToggle } from '../../components/LanguageToggle';
import { AnchorLink } from '../../components/RouterLinks';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { schemaErrors } from '../../lib/validation';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('login.title')} · Desmigratif`);
  const { signIn } = useAuth();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: (values) => schemaErrors(loginRequestSchema, values),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
    } catch (error) {
      setFailure(error);
      form.setFieldValue('password', '');
      form.getInputNode('password')?.focus();
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
