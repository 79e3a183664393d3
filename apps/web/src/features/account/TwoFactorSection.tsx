import { totpCodeSchema } from '@desmigratif/contracts';
import { Alert, Badge, Button, Code, CopyButton, Group, Image, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../app/auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { usePhone } from '../../lib/usePhone';
import { schemaErrors } from '../../lib/validation';
import { type TotpSetup, useConfirmTotp, useDisableTotp, useRegenerateRecoveryCodes, useStartTotpSetup, useTotpStatus } from './api';
import { ReauthForm } from './ReauthForm';
import { RecoveryCodes } from './RecoveryCodes';

/** The secret in groups of four, as authenticator apps show and people copy it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Step 1 and 2 of the setup: scan (or type) the secret, then prove it with a code. */
function SetupPanel({ setup, onCancel, onEnabled }: { setup: TotpSetup; onCancel: () => void; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) => {
      const problem = Object.values(schemaErrors(totpCodeSchema, values.code.replace(/\s/g, '')))[0];
      return problem ? { code: problem } : {};
    },
  });
  const { submit, failure } = useFormSubmit(form, async (values) =>
    onEnabled((await confirm.mutateAsync(values.code.replace(/\s/g, ''))).codes),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('twoFactor.step1')}</Text>
          <Image src={setup.qrDataUrl} alt={t('twoFactor.qrAlt')} w={200} h={200} mx="auto" bg="white" data-testid="totp-qr" />
          <Text size="sm">{t('twoFactor.manual')}</Text>
          <Group gap="xs">
            <Code fz="md" style={{ overflowWrap: 'anywhere' }} data-testid="totp-secret">
              {grouped(setup.secret)}
            </Code>
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                  {copied ? t('twoFactor.copied') : t('twoFactor.copySecret')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">{t('twoFactor.step2')}</Text>
          <FormFailure failure={failure} />
          <TextInput
            label={t('twoFactor.login.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            {...form.getInputProps('code')}
          />
          <Group gap="xs">
            <Button type="submit" loading={form.submitting}>
              {t('twoFactor.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Dialog = 'disable' | 'regenerate' | null;

/**
 * "Verifikasi dua langkah" on the account security page: set up, recovery codes, switch off. For an
 * admin who must set it up first (`forced`), this is the whole page until it is on.
 */
export function TwoFactorSection({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { reload } = useAuth();
  const phone = usePhone();
  const status = useTotpStatus();
  const start = useStartTotpSetup();
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (status.isPending) return <ListSkeleton rows={1} />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.allowed) return null;
  const { enabled, enabledAt, required, recoveryCodesLeft } = status.data;

  const begin = async () => setSetup(await start.mutateAsync());
  const enabledNow = async (fresh: string[]) => {
    setSetup(null);
    setCodes(fresh);
    notifications.show({ color: 'green', message: t('twoFactor.enabled') });
    // The session is no longer held to the setup: the app opens up (and the header shows the menu).
    if (forced) await reload();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="two-factor-title">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="xs">
            {enabled ? <IconShieldCheck size={22} color="var(--mantine-color-green-7)" aria-hidden /> : <IconShieldLock size={22} aria-hidden />}
            <Title order={3} fz="h4" id="two-factor-title">
              {t('twoFactor.title')}
            </Title>
            <Badge color={enabled ? 'green' : 'gray'} variant="light" data-testid="totp-state">
              {enabled ? t('twoFactor.on') : t('twoFactor.off')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('twoFactor.help')}
          </Text>
        </Stack>
      </Group>

      {forced && !enabled && (
        <Alert color="orange" icon={<IconShieldLock size={20} />} title={t('twoFactor.requiredTitle')} data-testid="totp-required">
          {t('twoFactor.required')}
        </Alert>
      )}

      {codes && <RecoveryCodes codes={codes} username={user.username} onDone={() => setCodes(null)} />}

      {!enabled && !setup && (
        <>
          {start.isError && <ErrorAlert error={start.error} />}
          <Group>
            <Button leftSection={<IconShieldLock size={16} />} loading={start.isPending} onClick={() => void begin().catch(() => undefined)}>
              {t('twoFactor.start')}
            </Button>
          </Group>
        </>
      )}
      {!enabled && setup && <SetupPanel setup={setup} onCancel={() => setSetup(null)} onEnabled={(fresh) => void enabledNow(fresh)} />}

      {enabled && !codes && (
        <Stack gap="xs">
          {enabledAt && (
            <Text size="sm">{t('twoFactor.onSince', { at: formatDateTime(enabledAt) })}</Text>
          )}
          <Text size="sm" c={recoveryCodesLeft <= 2 ? 'orange.8' : undefined}>
            {recoveryCodesLeft <= 2 ? t('twoFactor.codesLow', { count: recoveryCodesLeft }) : t('twoFactor.codesLeft', { count: recoveryCodesLeft })}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog('regenerate')}>
              {t('twoFactor.regenerate')}
            </Button>
            {!required && (
              <Button variant="light" color="red" onClick={() => setDialog('disable')}>
                {t('twoFactor.disable')}
              </Button>
            )}
          </Group>
          {required && (
            <Text size="xs" c="dimmed">
              {t('twoFactor.cannotDisable')}
            </Text>
          )}
        </Stack>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'regenerate'}
        onClose={() => setDialog(null)}
        title={t('twoFactor.regenerate')}
        fullScreen={phone}
      >
        <ReauthForm
          help={t('twoFactor.regenerateHelp')}
          submitLabel={t('twoFactor.regenerate')}
          onCancel={() => setDialog(null)}
          onSubmit={async (request) => {
            const { codes: fresh } = await regenerate.mutateAsync(request);
            setDialog(null);
            setCodes(fresh);
          }}
        />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog === 'disable'}
        onClose={() => setDialog(null)}
        title={t('twoFactor.disableTitle')}
        fullScreen={phone}
      >
        <ReauthForm
          help={t('twoFactor.disableHelp')}
          submitLabel={t('twoFactor.disable')}
          danger
          onCancel={() => setDialog(null)}
          onSubmit={async (request) => {
            await disable.mutateAsync(request);
            setDialog(null);
            notifications.show({ color: 'green', message: t('twoFactor.disabled') });
          }}
        />
      </Modal>
    </Stack>
  );
}
